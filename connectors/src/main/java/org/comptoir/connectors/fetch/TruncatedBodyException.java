package org.comptoir.connectors.fetch;

import java.io.IOException;

/**
 * A source's answer stopped before its end (fewer bytes than its {@code Content-Length}, or a chunked
 * body without its last chunk). A network error, so the page is fetched again; never read as a
 * shorter page.
 */
public class TruncatedBodyException extends IOException {
    public TruncatedBodyException(String url, long announced, long received, Throwable cause) {
        super(
                "réponse tronquée à GET " + url + " : "
                        + (announced >= 0
                                ? "la source a annoncé " + announced + " octets et n'en a envoyé que " + received
                                : "la source a coupé la réponse après " + received + " octets"),
                cause);
    }
}
