package io.reformkg.http;

/** A request the server cannot answer: an HTTP status and a message for the client. */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final long retryAfterSeconds;

    public HttpProblem(int status, String message) {
        this(status, message, 0);
    }

    /** A refusal the client may try again after some seconds (a {@code Retry-After} header); 0 for none. */
    public HttpProblem(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    public static HttpProblem notAcceptable(String message) {
        return new HttpProblem(406, message);
    }
}
