package fr.dwwm.comptoir.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of what the storefront shows, read from PostgreSQL: one number that every
 * transaction changing the catalogue, the editors' content, the menus or the modules
 * raises as it commits (triggers of migration V12). Two reads that give the same number
 * saw the same storefront, on any instance.
 */
@Component
public class ContentVersion {

	private static final Logger logger = LoggerFactory.getLogger(ContentVersion.class);

	private final JdbcClient jdbc;

	ContentVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads the version now.
	 * @return the storefront's version
	 */
	public long current() {
		return this.jdbc.sql("SELECT version FROM content_version").query(Long.class).single();
	}

	/**
	 * Reads the version now, for the page cache, which must not fail a page for it: 0
	 * when PostgreSQL does not answer. The table starts at 1 and only rises, so no page
	 * is ever kept with 0, nor served for it.
	 * @return the storefront's version, or 0
	 */
	long currentOrZero() {
		try {
			return current();
		}
		catch (DataAccessException ex) {
			logger.debug("Pages neither kept nor served from the cache: {}", ex.getMessage());
			return 0;
		}
	}

}
