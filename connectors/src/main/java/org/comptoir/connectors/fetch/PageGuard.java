package org.comptoir.connectors.fetch;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * What every page goes through between the fetch and its kind's reader, whatever the kind: a page
 * of a type the kind does not expect (an HTML error page above all, whatever type it claims), text
 * that does not decode in its charset, an XML prolog that could make a parser expand or fetch
 * entities ({@link XmlProlog}), and JSON nested deeper than the limit are refused with a reason that
 * names the page, before any parser sees them.
 */
public final class PageGuard {
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final List<String> BINARY_TYPES_ARE_NOT = List.of(
            "text/",
            "json",
            "xml",
            "turtle",
            "n-triples",
            "n-quads",
            "trig",
            "n3",
            "csv",
            "octet-stream",
            "x-download");
    private static final int PROLOG_WINDOW = 1 << 20;

    private final LimitsProperties limits;
    private final JsonFactory json;

    public PageGuard(LimitsProperties limits) {
        this.limits = limits;
        int pageSize = (int) limits.maxPageSize().toBytes();
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxDocumentLength(pageSize)
                        .maxStringLength(pageSize)
                        .maxNameLength(pageSize)
                        .build())
                .build();
    }

    /**
     * Checks a page before its kind reads it.
     *
     * @param expects the media ranges the kind reads ({@code text/turtle}, {@code application/*},
     *     {@code *}{@code /*}...); HTML is refused unless named without wildcard
     * @throws PageRefusedException naming the page and what is wrong
     */
    public void check(FetchedPage page, List<String> expects) {
        var mediaType = mediaType(page.contentType());
        var body = page.body();
        if (mediaType != null && !matches(mediaType, expects)) {
            throw refused(
                    page,
                    "elle est de type " + mediaType + (isHtml(mediaType) ? " (une page HTML)" : "")
                            + ", alors que la source doit répondre en " + String.join(", ", expects));
        }
        if (!expects.contains("text/html") && looksLikeHtml(body)) {
            throw refused(
                    page,
                    "c'est une page HTML (une page d'erreur ou de maintenance ?)"
                            + (mediaType == null ? "" : ", servie comme " + mediaType));
        }
        if (mediaType != null && !isTextual(mediaType)) {
            return;
        }
        var charset = charset(page, mediaType);
        decode(page, body, charset);
        if (isXml(mediaType, body)) {
            checkXml(page, body, charset);
        } else if (isJson(mediaType, body)) {
            checkJson(page, body, charset);
        }
    }

    /**
     * Checks a page read as a stream, as {@link #check} checks a whole one, as far as a stream
     * allows: its type and its first bytes (an HTML page) before any parser sees it, then its text,
     * decoded strictly in its charset as the parser reads it; the returned stream fails with a
     * {@link PageRefusedException} at the first byte that does not decode. The XML prolog and JSON
     * checks need the whole page: a kind streams only syntaxes that have neither (Turtle, N-Triples).
     *
     * @param url the page, to name it in a refusal
     */
    public java.io.InputStream checkStream(
            String url, String contentType, List<String> expects, java.io.InputStream body) throws java.io.IOException {
        var page = new FetchedPage(url, contentType, new byte[0]);
        var mediaType = mediaType(contentType);
        if (mediaType != null && !matches(mediaType, expects)) {
            throw refused(
                    page,
                    "elle est de type " + mediaType + (isHtml(mediaType) ? " (une page HTML)" : "")
                            + ", alors que la source doit répondre en " + String.join(", ", expects));
        }
        var buffered = new java.io.BufferedInputStream(body, 1 << 16);
        buffered.mark(512);
        var head = buffered.readNBytes(512);
        buffered.reset();
        if (!expects.contains("text/html") && looksLikeHtml(head)) {
            throw refused(
                    page,
                    "c'est une page HTML (une page d'erreur ou de maintenance ?)"
                            + (mediaType == null ? "" : ", servie comme " + mediaType));
        }
        if (mediaType != null && !isTextual(mediaType)) {
            return buffered;
        }
        var charset = charset(new FetchedPage(url, contentType, head), mediaType);
        return new StrictlyDecoded(page, buffered, charset);
    }

    /** Passes bytes through while decoding them strictly ({@link StrictText}). */
    private static final class StrictlyDecoded extends java.io.FilterInputStream {
        private final StrictText text;

        StrictlyDecoded(FetchedPage page, java.io.InputStream in, Charset charset) {
            super(in);
            this.text = new StrictText(page, charset);
        }

        @Override
        public int read() throws java.io.IOException {
            var one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws java.io.IOException {
            int n = in.read(buffer, from, length);
            if (n < 0) {
                text.check(ByteBuffer.allocate(0), true);
                return n;
            }
            text.check(ByteBuffer.wrap(buffer, from, n), false);
            return n;
        }
    }

    /**
     * Decodes a page's bytes strictly, whole or as they come, and refuses the page at the first bad
     * one, naming its offset. In UTF-8, an ASCII byte is a character of its own and no byte of a
     * longer character is ASCII, so only the runs of other bytes go through the decoder: a dump is
     * mostly ASCII, and decoding it all took as long as a seventh of its parse.
     */
    private static final class StrictText {
        private final FetchedPage page;
        private final java.nio.charset.CharsetDecoder decoder;
        private final boolean utf8;
        private final ByteBuffer pending = ByteBuffer.allocate(16);
        private final CharBuffer out = CharBuffer.allocate(1 << 14);
        private long offset;

        StrictText(FetchedPage page, Charset charset) {
            this.page = page;
            this.utf8 = charset.equals(StandardCharsets.UTF_8);
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /**
         * Checks the next bytes; the start of a character cut at their end waits for the next ones.
         *
         * @param end whether no bytes follow
         */
        void check(ByteBuffer bytes, boolean end) {
            var in = bytes;
            if (pending.position() > 0) {
                // the bytes of a character cut between two reads
                pending.flip();
                var joined = ByteBuffer.allocate(pending.remaining() + bytes.remaining());
                joined.put(pending).put(bytes).flip();
                pending.clear();
                in = joined;
            }
            int first = in.position();
            if (!utf8) {
                decode(in, end, first);
            } else {
                var array = in.array();
                int base = in.arrayOffset();
                int limit = in.limit();
                int consumed = limit; // all of it, unless it ends with the start of a character
                int at = first;
                while (at < limit) {
                    if (array[base + at] >= 0) {
                        at++;
                        continue;
                    }
                    int to = at + 1;
                    while (to < limit && array[base + to] < 0) {
                        to++;
                    }
                    var run = in.duplicate().limit(to).position(at);
                    // a run that an ASCII byte ends must hold whole characters only
                    decode(run, end || to < limit, first);
                    if (to == limit) {
                        consumed = run.position();
                    }
                    at = to;
                }
                in.position(consumed);
            }
            offset += in.position() - first;
            if (in.hasRemaining()) {
                pending.put(in);
            }
        }

        /** Decodes {@code in}, leaving in it the start of a character cut at its end, unless it is the end. */
        private void decode(ByteBuffer in, boolean end, int first) {
            while (true) {
                var result = decoder.decode(in, out, end);
                if (result.isError()) {
                    throw refused(
                            page,
                            "elle n'est pas du texte " + decoder.charset().name() + " valide : octet 0x"
                                    + String.format("%02X", in.get(in.position()) & 0xFF)
                                    + " invalide à la position " + (offset + in.position() - first)
                                    + " (compté depuis 0)");
                }
                out.clear();
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (end) {
                decoder.reset();
            }
        }
    }

    private static boolean matches(String mediaType, List<String> expects) {
        for (var range : expects) {
            if (range.equals(mediaType)) {
                return true;
            }
            if (isHtml(mediaType)) {
                continue;
            }
            if (range.equals("*/*")
                    || (range.endsWith("/*") && mediaType.startsWith(range.substring(0, range.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static boolean looksLikeHtml(byte[] body) {
        var start = start(body, 256).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static boolean isTextual(String mediaType) {
        return BINARY_TYPES_ARE_NOT.stream().anyMatch(mediaType::contains);
    }

    private static boolean isXml(String mediaType, byte[] body) {
        if (mediaType != null && mediaType.contains("xml")) {
            return true;
        }
        return (mediaType == null || !mediaType.contains("json"))
                && start(body, 16).startsWith("<");
    }

    private static boolean isJson(String mediaType, byte[] body) {
        if (mediaType != null && mediaType.contains("json")) {
            return true;
        }
        var start = start(body, 16);
        return (mediaType == null || !mediaType.startsWith("text/"))
                && (start.startsWith("{") || start.startsWith("["));
    }

    /** The charset the page says (header, byte order mark, XML declaration), else UTF-8. */
    private static Charset charset(FetchedPage page, String mediaType) {
        var declared = parameter(page.contentType(), "charset");
        var body = page.body();
        if (declared == null && body.length >= 2) {
            if ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
                declared = "UTF-16BE";
            } else if ((body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
                declared = "UTF-16LE";
            }
        }
        if (declared == null) {
            var matcher = XML_ENCODING.matcher(start(body, 200));
            if (matcher.find()) {
                declared = matcher.group(1);
            }
        }
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            throw refused(page, "elle déclare le jeu de caractères « " + declared + " », que Comptoir ne connaît pas");
        }
    }

    /** Decodes strictly, to name the offset of the first byte that does not decode. */
    private static void decode(FetchedPage page, byte[] body, Charset charset) {
        new StrictText(page, charset).check(ByteBuffer.wrap(body), true);
    }

    private static void checkXml(FetchedPage page, byte[] body, Charset charset) {
        var prolog = new String(body, 0, Math.min(body.length, PROLOG_WINDOW), charset);
        Map<String, Integer> entities;
        try {
            entities = XmlProlog.entities(prolog);
        } catch (IllegalArgumentException e) {
            throw refused(page, e.getMessage() + " ; refusé avant toute lecture XML");
        }
        if (entities.isEmpty()) {
            return;
        }
        var bytes =
                charset.equals(StandardCharsets.UTF_8) || charset.newEncoder().maxBytesPerChar() <= 1
                        ? body
                        : new String(body, charset).getBytes(StandardCharsets.UTF_8);
        long expansion = 0;
        for (int amp = 0; amp < bytes.length; amp++) {
            if (bytes[amp] != '&') {
                continue;
            }
            int semicolon = amp + 1;
            while (semicolon < bytes.length
                    && semicolon - amp < 256
                    && bytes[semicolon] != ';'
                    && bytes[semicolon] != '&') {
                semicolon++;
            }
            if (semicolon < bytes.length && bytes[semicolon] == ';') {
                var length = entities.get(new String(bytes, amp + 1, semicolon - amp - 1, StandardCharsets.UTF_8));
                if (length != null) {
                    expansion += length;
                }
            }
        }
        if (expansion > XmlProlog.EXPANSION_BUDGET) {
            throw refused(
                    page,
                    "ses entités XML s'étendraient en " + expansion + " caractères (plus de "
                            + XmlProlog.EXPANSION_BUDGET + ") ; refusé avant toute lecture XML");
        }
    }

    private void checkJson(FetchedPage page, byte[] body, Charset charset) {
        try (var parser = charset.equals(StandardCharsets.UTF_8)
                ? json.createParser(ObjectReadContext.empty(), body)
                : json.createParser(
                        ObjectReadContext.empty(), new InputStreamReader(new ByteArrayInputStream(body), charset))) {
            while (parser.nextToken() != null) {
                // every token is read, so that the limits apply to the whole page
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            var where = location == null
                    ? ""
                    : " (ligne " + location.getLineNr() + ", colonne " + location.getColumnNr() + ")";
            var message = e.getOriginalMessage();
            if (message != null && message.contains("nesting depth")) {
                throw refused(
                        page,
                        "son JSON imbrique plus de " + limits.maxJsonDepth()
                                + " niveaux d'objets et de tableaux (comptoir.harvest.limits.max-json-depth)" + where);
            }
            throw refused(page, "ce n'est pas du JSON valide" + where + " : " + firstLine(message));
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        var type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    private static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (var part : contentType.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(name)) {
                var value = part.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The first characters of the body, byte order mark and leading space left out. */
    private static String start(byte[] body, int length) {
        int from = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        return new String(body, from, Math.min(body.length - from, length), StandardCharsets.ISO_8859_1).stripLeading();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "erreur de syntaxe";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static PageRefusedException refused(FetchedPage page, String reason) {
        return new PageRefusedException("la page " + page.url() + " est refusée : " + reason);
    }
}
