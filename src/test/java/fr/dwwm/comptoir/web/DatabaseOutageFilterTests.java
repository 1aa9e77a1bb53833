package fr.dwwm.comptoir.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean « the database is out of reach » (503) and which are bugs or
 * refused statements (500 or a message).
 */
class DatabaseOutageFilterTests {

	@Test
	void aPoolTimeoutOrABrokenConnectionIsAnOutage() {
		assertThat(DatabaseOutageFilter.isDatabaseOutage(new IllegalStateException(
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
			.isTrue();
		assertThat(DatabaseOutageFilter.isDatabaseOutage(new JpaSystemException(
				new RuntimeException("Unable to rollback", new SQLException("Connection is closed", "08003")))))
			.isTrue();
	}

	@Test
	void anOutageHiddenInASuppressedExceptionIsFound() {
		RuntimeException failure = new RuntimeException("rollback failed");
		failure.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
		assertThat(DatabaseOutageFilter.isDatabaseOutage(failure)).isTrue();
	}

	@Test
	void aRefusedStatementOrABugIsNotAnOutage() {
		assertThat(DatabaseOutageFilter.isDatabaseOutage(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseOutageFilter.isDatabaseOutage(new NullPointerException())).isFalse();
	}

}
