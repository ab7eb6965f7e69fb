package org.comptoir.connectors.fetch;

/**
 * A page as a source sent it, whole and within the size limit.
 *
 * @param url the address asked for
 * @param contentType the answer's {@code Content-Type}, or null
 * @param body the bytes received, decompressed
 */
public record FetchedPage(String url, String contentType, byte[] body) {}
