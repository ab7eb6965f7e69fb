package org.comptoir.web;

/** Base of every exception the web module throws. */
public class WebException extends RuntimeException {
    public WebException(String message) {
        super(message);
    }
}
