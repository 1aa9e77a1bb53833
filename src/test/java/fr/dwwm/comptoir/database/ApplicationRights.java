package fr.dwwm.comptoir.database;

import java.util.List;

import fr.dwwm.comptoir.system.EmbeddedPostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the application role may do in a database, read from PostgreSQL's catalogue: the
 * reference a migrated database and a restored one are compared with.
 */
final class ApplicationRights {

	private ApplicationRights() {
	}

	/**
	 * The rights of the application role and of everyone on the shop's schema and the
	 * modules' ones, one line per object, privilege and grantee, whoever granted them,
	 * sorted.
	 * @param owner a connection to the database as its owner
	 * @return the rights, one line each
	 */
	static List<String> of(JdbcClient owner) {
		return owner.sql("""
				SELECT n.nspname || '.' || c.relname || ' ' || a.privilege_type || ' ' || coalesce(g.rolname, 'PUBLIC')
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
				LEFT JOIN pg_roles g ON g.oid = a.grantee
				WHERE (n.nspname = 'public' OR n.nspname LIKE 'module\\_%') AND c.relkind IN ('r', 'S', 'v')
				  AND (g.rolname = :app OR a.grantee = 0)
				UNION ALL
				SELECT n.nspname || '.' || c.relname || '.' || t.attname || ' ' || a.privilege_type || ' '
				       || coalesce(g.rolname, 'PUBLIC')
				FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				CROSS JOIN LATERAL aclexplode(t.attacl) a
				LEFT JOIN pg_roles g ON g.oid = a.grantee
				WHERE (n.nspname = 'public' OR n.nspname LIKE 'module\\_%') AND (g.rolname = :app OR a.grantee = 0)
				UNION ALL
				SELECT 'function ' || p.proname || ' ' || a.privilege_type || ' ' || coalesce(g.rolname, 'PUBLIC')
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
				LEFT JOIN pg_roles g ON g.oid = a.grantee
				WHERE n.nspname = 'public' AND (g.rolname = :app OR a.grantee = 0)
				UNION ALL
				SELECT 'schema ' || n.nspname || ' ' || a.privilege_type || ' ' || coalesce(g.rolname, 'PUBLIC')
				FROM pg_namespace n CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
				LEFT JOIN pg_roles g ON g.oid = a.grantee
				WHERE (n.nspname = 'public' OR n.nspname LIKE 'module\\_%') AND (g.rolname = :app OR a.grantee = 0)
				ORDER BY 1""").param("app", EmbeddedPostgresServer.APPLICATION_ROLE).query(String.class).list();
	}

}
