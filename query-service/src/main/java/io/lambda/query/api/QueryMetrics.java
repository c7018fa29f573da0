package io.lambda.query.api;

import java.util.function.Supplier;

import io.lambda.query.merge.InvalidQueryException;
import io.lambda.query.store.LogUnavailableException;
import io.lambda.query.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.web.ErrorResponse;

/**
 * {@code lambda.query.requests}: a timer per endpoint ({@code views}, {@code series}, {@code groups},
 * {@code status}) and outcome ({@code ok}, {@code invalid}, {@code unavailable}, {@code error}).
 */
final class QueryMetrics {

    static final String TIMER = "lambda.query.requests";

    private final MeterRegistry registry;

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T time(String endpoint, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (InvalidQueryException e) {
            outcome = "invalid";
            throw e;
        } catch (StoreUnavailableException | LogUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
                outcome = "invalid";
            }
            throw e;
        } finally {
            sample.stop(Timer.builder(TIMER).description("Query API requests by endpoint and outcome")
                    .tag("endpoint", endpoint).tag("outcome", outcome).publishPercentileHistogram()
                    .register(registry));
        }
    }
}
