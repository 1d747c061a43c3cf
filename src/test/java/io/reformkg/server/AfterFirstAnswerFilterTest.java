package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;

/** Background work waits for the first answer, and runs once. */
class AfterFirstAnswerFilterTest {
    @Test
    void startsTheTaskOnceTheFirstRequestIsAnsweredAndNeverAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger answeredBeforeTheTask = new AtomicInteger(-1);
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        FusekiServer server = FusekiServer.create().port(0).loopback(true)
                .addFilter("/*", new AfterFirstAnswerFilter("test-task", () -> {
                    answeredBeforeTheTask.set(answered.get());
                    runs.incrementAndGet();
                    ran.countDown();
                }))
                .addServlet("/hello", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("text/plain");
                        response.getWriter().write("hello");
                        answered.incrementAndGet();
                    }
                })
                .build().start();
        try {
            assertEquals(0, runs.get(), "nothing runs before a request");
            HttpClient http = HttpClient.newHttpClient();
            URI hello = URI.create("http://127.0.0.1:" + server.getHttpPort() + "/hello");
            for (int request = 0; request < 3; request++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(hello).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("hello", response.body());
            }
            assertTrue(ran.await(10, TimeUnit.SECONDS), "the task ran after the first answer");
            assertTrue(answeredBeforeTheTask.get() >= 1, "the first request was answered before the task started");
            assertEquals(1, runs.get(), "the task runs once");
        } finally {
            server.stop();
        }
    }
}
