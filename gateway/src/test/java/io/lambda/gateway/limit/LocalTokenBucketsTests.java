package io.lambda.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import io.lambda.gateway.GatewayProperties.RateLimit;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstAtOnceThenTheRate() {
        LocalTokenBuckets buckets = new LocalTokenBuckets();
        RateLimit limit = new RateLimit(2, 3);

        long allowedAtOnce = IntStream.range(0, 10).mapToObj(i -> buckets.tryAcquire("k", limit, 0))
                .filter(Admission.Allowed.class::isInstance).count();
        Admission denied = buckets.tryAcquire("k", limit, 0);
        Admission afterHalfASecond = buckets.tryAcquire("k", limit, SECOND / 2);

        assertThat(allowedAtOnce).isEqualTo(3);
        assertThat(denied).isEqualTo(new Admission.Denied(Duration.ofMillis(500)));
        assertThat(afterHalfASecond).isEqualTo(Admission.ALLOWED);
    }

    @Test
    void shouldNeverHoldMoreThanTheBurstAndKeepBucketsApart() {
        LocalTokenBuckets buckets = new LocalTokenBuckets();
        RateLimit limit = new RateLimit(100, 2);
        buckets.tryAcquire("a", limit, 0);

        long allowedAfterAnHour = IntStream.range(0, 5).mapToObj(i -> buckets.tryAcquire("a", limit, 3600 * SECOND))
                .filter(Admission.Allowed.class::isInstance).count();
        Admission other = buckets.tryAcquire("b", limit, 3600 * SECOND);

        assertThat(allowedAfterAnHour).isEqualTo(2);
        assertThat(other).isEqualTo(Admission.ALLOWED);
    }
}
