package io.reformkg.http;

/** A request the server cannot answer: an HTTP status and a message for the client. */
public final class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    public static HttpProblem notAcceptable(String message) {
        return new HttpProblem(406, message);
    }
}
