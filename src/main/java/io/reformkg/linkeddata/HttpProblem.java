package io.reformkg.linkeddata;

/** A request the server cannot answer: an HTTP status and a message for the client. */
final class HttpProblem extends RuntimeException {
    private final int status;

    HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem notAcceptable(String message) {
        return new HttpProblem(406, message);
    }
}
