package io.reformkg.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may compute an answer now: the server's queries are shared fairly between clients, so
 * one client cannot take the machine from the others. A client (its address) runs a few
 * queries at once and may have a few more waiting; past that it gets 429 with
 * {@code Retry-After}. It also has a budget of query time per minute (as Wikidata's query
 * service does): spent, its queries get 429 until the budget has refilled. The server runs a
 * bounded number of queries at once; the others wait, in turns between clients (round robin,
 * not first come), within a bounded queue (beyond it 503 with {@code Retry-After}). Waiting
 * counts against a request's deadline, which starts when the request arrives. Only requests
 * that compute go through here: pings, status, pages, files and answers already kept never wait.
 */
public final class Admission {
    /** The request attribute holding the server's admission, for servlets that compute answers. */
    public static final String ATTRIBUTE = Admission.class.getName();
    private static final String ARRIVAL = Admission.class.getName() + ".arrival";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many clients known, those idle with their time refilled are forgotten. */
    private static final int SWEEP_ABOVE = 4096;

    private final int running;
    private final int waiting;
    private final int clientRunning;
    private final int clientWaiting;
    private final Duration clientTime;
    private final Set<String> trustedProxies;

    private final Map<String, Client> clients = new HashMap<>();
    /** Clients with queries waiting, in the order they are next served. */
    private final Deque<Client> turns = new ArrayDeque<>();
    private int runningNow;
    private int waitingNow;

    private Admission(Builder builder) {
        this.running = builder.running;
        this.waiting = builder.waiting;
        this.clientRunning = builder.clientRunning;
        this.clientWaiting = builder.clientWaiting;
        this.clientTime = builder.clientTime;
        this.trustedProxies = Set.copyOf(builder.trustedProxies);
    }

    public static Builder create() {
        return new Builder();
    }

    /** The limits; the defaults suit a small machine serving the public. */
    public static final class Builder {
        private int running = 4;
        private int waiting = 32;
        private int clientRunning = 2;
        private int clientWaiting = 8;
        private Duration clientTime = Duration.ofSeconds(60);
        private List<String> trustedProxies = List.of();

        private Builder() {
        }

        /** Queries computed at once, all clients together. Default 4. */
        public Builder running(int queries) {
            this.running = positive(queries, "queries running at once");
            return this;
        }

        /** Queries waiting for a turn, all clients together; beyond it 503. Default 32. */
        public Builder waiting(int queries) {
            this.waiting = positive(queries, "queries waiting");
            return this;
        }

        /** Queries one client computes at once. Default 2. */
        public Builder clientRunning(int queries) {
            this.clientRunning = positive(queries, "queries one client runs at once");
            return this;
        }

        /** Queries one client may have waiting besides; beyond it 429. Default 8. */
        public Builder clientWaiting(int queries) {
            if (queries < 0) {
                throw new IllegalArgumentException("queries one client may have waiting cannot be negative; found "
                        + queries);
            }
            this.clientWaiting = queries;
            return this;
        }

        /** Query time one client may use per minute; beyond it 429 until it refills. Default 60 s. */
        public Builder clientTime(Duration perMinute) {
            if (perMinute.isNegative() || perMinute.isZero()) {
                throw new IllegalArgumentException("the query time per client must be positive; found " + perMinute);
            }
            this.clientTime = perMinute;
            return this;
        }

        /**
         * Addresses of reverse proxies in front of the server: from them, and only from them, the
         * client is the last address of {@code X-Forwarded-For} that is not a proxy's.
         */
        public Builder trustedProxies(List<String> addresses) {
            this.trustedProxies = List.copyOf(addresses);
            return this;
        }

        public Admission build() {
            return new Admission(this);
        }

        private static int positive(int value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException("the number of " + what + " must be positive; found " + value);
            }
            return value;
        }
    }

    /** Marks when the request arrived: its deadline counts from here. Call first thing. */
    public void arrived(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
        if (request.getAttribute(ARRIVAL) == null) {
            request.setAttribute(ARRIVAL, System.nanoTime());
        }
    }

    /** The admission of the server the request came to, if it has one. */
    public static Optional<Admission> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Admission admission ? Optional.of(admission) : Optional.empty();
    }

    /** What is left of {@code timeout} counted from the request's arrival (zero or less: none). */
    public static Duration remaining(HttpServletRequest request, Duration timeout) {
        Object arrival = request.getAttribute(ARRIVAL);
        long elapsed = arrival instanceof Long nanos ? System.nanoTime() - nanos : 0;
        return timeout.minusNanos(elapsed);
    }

    /**
     * Computes an answer once the client's turn has come, giving {@code work} what is left of
     * the deadline. Throws {@link HttpProblem} (429 or 503, with {@code Retry-After}) when the
     * client or the server has too many queries, the client's time is spent, or the deadline
     * passes while waiting.
     */
    public <T> T run(HttpServletRequest request, Duration timeout, Function<Duration, T> work) {
        Ticket ticket = acquire(client(request), System.nanoTime() + remaining(request, timeout).toNanos(), timeout);
        long started = System.nanoTime();
        try {
            return work.apply(remaining(request, timeout));
        } finally {
            release(ticket, System.nanoTime() - started);
        }
    }

    /** The client's key: its address, or from a trusted proxy the address the proxy names. */
    public String client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return address;
    }

    /** Queries computing now and waiting now, for the status page. */
    public synchronized Map<String, Integer> load() {
        Map<String, Integer> load = new LinkedHashMap<>();
        load.put("running", runningNow);
        load.put("waiting", waitingNow);
        load.put("clients", clients.size());
        return load;
    }

    private synchronized Ticket acquire(String key, long deadline, Duration timeout) {
        if (clients.size() > SWEEP_ABOVE) {
            for (Client known : List.copyOf(clients.values())) {
                known.refill(clientTime);
                forgetIfIdle(known);
            }
        }
        Client client = clients.computeIfAbsent(key, Client::new);
        client.refill(clientTime);
        if (client.spentNanos >= clientTime.toNanos()) {
            long seconds = client.secondsUntilRefilled(clientTime);
            forgetIfIdle(client);
            throw new HttpProblem(429, "your queries used " + Durations.text(clientTime) + " of query time in the "
                    + "last minute, the server's limit per client; try again in " + seconds + " s", seconds);
        }
        if (client.running + client.waiting.size() >= clientRunning + clientWaiting) {
            throw new HttpProblem(429, "you have " + (client.running + client.waiting.size()) + " queries in "
                    + "progress, the server's limit per client (" + clientRunning + " running, " + clientWaiting
                    + " waiting); wait for their answers", 1);
        }
        Ticket ticket = new Ticket(client);
        if (client.waiting.isEmpty() && client.running < clientRunning && runningNow < running) {
            start(ticket);
            return ticket;
        }
        if (waitingNow >= waiting) {
            forgetIfIdle(client);
            throw new HttpProblem(503, "the server is busy: " + waitingNow + " queries are waiting; try again shortly",
                    1);
        }
        client.waiting.addLast(ticket);
        waitingNow++;
        if (!turns.contains(client)) {
            turns.addLast(client);
        }
        try {
            while (!ticket.started) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new HttpProblem(503, "the query waited for its turn past the server's timeout of "
                            + Durations.text(timeout) + " (counted from its arrival); the server is busy, try again "
                            + "shortly", Math.max(1, timeout.toSeconds()));
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return ticket;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "the server is stopping", 1);
        } finally {
            if (!ticket.started) {
                client.waiting.remove(ticket);
                waitingNow--;
                if (client.waiting.isEmpty()) {
                    turns.remove(client);
                }
                forgetIfIdle(client);
            }
        }
    }

    private void start(Ticket ticket) {
        ticket.started = true;
        ticket.client.running++;
        runningNow++;
    }

    private synchronized void release(Ticket ticket, long elapsedNanos) {
        Client client = ticket.client;
        client.running--;
        runningNow--;
        client.refill(clientTime);
        client.spentNanos += elapsedNanos;
        forgetIfIdle(client);
        // the next turns: each client with a query waiting, in order, one query each
        boolean started = true;
        while (runningNow < running && started) {
            started = false;
            for (Iterator<Client> next = turns.iterator(); next.hasNext() && runningNow < running; ) {
                Client candidate = next.next();
                if (candidate.running < clientRunning && !candidate.waiting.isEmpty()) {
                    start(candidate.waiting.removeFirst());
                    waitingNow--;
                    next.remove();
                    if (!candidate.waiting.isEmpty()) {
                        turns.addLast(candidate);
                    }
                    started = true;
                    break;
                }
            }
        }
        notifyAll();
    }

    private void forgetIfIdle(Client client) {
        if (client.running == 0 && client.waiting.isEmpty() && client.spentNanos <= 0) {
            clients.remove(client.key);
        }
    }

    private static final class Client {
        private final String key;
        private final Deque<Ticket> waiting = new ArrayDeque<>();
        private int running;
        /** Query time used and not yet refilled; it refills at the budget's rate. */
        private long spentNanos;
        private long refilledAt = System.nanoTime();

        Client(String key) {
            this.key = key;
        }

        void refill(Duration budget) {
            long now = System.nanoTime();
            double rate = (double) budget.toNanos() / WINDOW.toNanos();
            spentNanos = Math.max(0, spentNanos - (long) ((now - refilledAt) * rate));
            refilledAt = now;
        }

        long secondsUntilRefilled(Duration budget) {
            double rate = (double) budget.toNanos() / WINDOW.toNanos();
            long over = spentNanos - budget.toNanos();
            return Math.max(1, (long) Math.ceil((over / rate) / 1e9) + 1);
        }
    }

    private static final class Ticket {
        private final Client client;
        private boolean started;

        Ticket(Client client) {
            this.client = client;
        }
    }
}
