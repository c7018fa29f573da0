package io.lambda.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Event bodies for tests: valid events with ids unique to the calling test. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A prefix no other test's ids start with, e.g. {@code t3f2a9c01-}. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** One valid pageview event object with the given id. */
    public static String event(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now()
                + "\",\"attributes\":{\"url\":\"/pricing\",\"userId\":\"u-42\",\"durationMs\":5400}}";
    }

    /** A JSON array of valid events with the given ids. */
    public static String array(Collection<String> ids) {
        return ids.stream().map(TestEvents::event).collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code count} ids {@code <prefix>0 ... <prefix>(count-1)}. */
    public static List<String> ids(String prefix, int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj(i -> prefix + i).toList();
    }

    /** {@code ids} followed by {@code ids} again: what a topic holds after the same request was written twice. */
    public static List<String> twice(List<String> ids) {
        return Stream.concat(ids.stream(), ids.stream()).toList();
    }
}
