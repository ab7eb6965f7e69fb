package org.comptoir.web.feed;

import org.comptoir.web.WebException;

/** A request to the feed with a malformed or out-of-range parameter: answered with a 400 problem. */
class InvalidFeedRequestException extends WebException {
    private final String parameter;

    InvalidFeedRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
