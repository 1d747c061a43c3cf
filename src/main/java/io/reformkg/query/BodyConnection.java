package io.reformkg.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest chain of co-guidance between two bodies, by breadth-first search over the
 * co-guidance pairs the query returns (SPARQL property paths find whether a chain exists, not
 * its links). Among equally short chains it takes the one whose bodies come first in the order
 * of the pairs (by IRI), so the answer is the same on every run.
 */
final class BodyConnection {
    /** One co-guidance pair as the edge query returns it: IRIs, names, and the shared measures. */
    private record Link(String to, String measures) {
    }

    private final Map<String, List<Link>> links = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();

    /** {@code pairs}: rows with columns a, aName, b, bName, measures. */
    BodyConnection(List<Map<String, Object>> pairs) {
        for (Map<String, Object> pair : pairs) {
            String a = (String) pair.get("a");
            String b = (String) pair.get("b");
            String measures = (String) pair.get("measures");
            names.put(a, (String) pair.get("aName"));
            names.put(b, (String) pair.get("bName"));
            links.computeIfAbsent(a, key -> new ArrayList<>()).add(new Link(b, measures));
            links.computeIfAbsent(b, key -> new ArrayList<>()).add(new Link(a, measures));
        }
    }

    /** One row per link from {@code from} to {@code to}: step, from, fromLabel, to, toLabel, measures; none if unconnected. */
    List<Map<String, Object>> chain(String from, String to) {
        Map<String, String> previous = new HashMap<>();
        Map<String, String> measures = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        previous.put(from, from);
        while (!queue.isEmpty() && !previous.containsKey(to)) {
            String body = queue.removeFirst();
            for (Link link : links.getOrDefault(body, List.of())) {
                if (previous.putIfAbsent(link.to(), body) == null) {
                    measures.put(link.to(), link.measures());
                    queue.addLast(link.to());
                }
            }
        }
        if (from.equals(to) || !previous.containsKey(to)) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        for (String body = to; !body.equals(from); body = previous.get(body)) {
            path.add(0, body);
        }
        path.add(0, from);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", (long) i);
            row.put("from", path.get(i - 1));
            row.put("fromLabel", names.get(path.get(i - 1)));
            row.put("to", path.get(i));
            row.put("toLabel", names.get(path.get(i)));
            row.put("measures", measures.get(path.get(i)));
            rows.add(row);
        }
        return rows;
    }
}
