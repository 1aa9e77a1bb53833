package fr.dwwm.comptoir.web;

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

}
