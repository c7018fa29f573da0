package io.lambda.batch.job;

import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the decision to start a run across every batch instance sharing the job repository: a row lock
 * ({@code SELECT … FOR UPDATE} on the one row of {@code LAMBDA_BATCH_LOCK}, in the job repository's database) held
 * while the repository is asked for running executions and the new execution is created. Without it two instances
 * (or two requests) could both find nothing running and both start. The row is created at start if missing.
 */
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    static final String TABLE = "LAMBDA_BATCH_LOCK";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate locked;
    private final TransactionTemplate outside;

    public RunLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.locked = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        createIfMissing();
    }

    private void createIfMissing() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (ID INT NOT NULL PRIMARY KEY)");
        try {
            jdbc.update("INSERT INTO " + TABLE + " (ID) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE ID = 1)");
        } catch (DataAccessException e) { // another instance inserted it at the same moment
            log.debug("Lock row exists already: {}", e.getMessage());
        }
    }

    /** Runs {@code body} holding the lock; the lock is released when it returns or throws. */
    public <T> T exclusively(Supplier<T> body) {
        return locked.execute(status -> {
            jdbc.queryForObject("SELECT ID FROM " + TABLE + " WHERE ID = 1 FOR UPDATE", Integer.class);
            return body.get();
        });
    }

    /**
     * Runs {@code body} outside the lock's transaction (while the lock is still held): what it writes to the job
     * repository commits on its own, before the lock is released, so the next holder sees it.
     */
    public <T> T outsideTransaction(Supplier<T> body) {
        return outside.execute(status -> body.get());
    }
}
