package fr.dwwm.comptoir.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an account's role changes: the database function
 * {@code change_account_role}, which checks that an enabled administrator other than the
 * account itself asks (so an administrator always remains), and writes the audit entry in
 * the same transaction. The application role has no right to update the column otherwise
 * (migration V13), so neither an SQL injection nor a controller that forgot a check can
 * make a customer an administrator.
 */
@Service
public class AccountRoles {

	private final JdbcClient jdbc;

	AccountRoles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives an account another role.
	 * @param accountId the account whose role changes
	 * @param role its new role
	 * @param administratorId the administrator asking
	 * @param ip the administrator's address, for the audit log, or {@code null}
	 * @throws org.springframework.dao.DataAccessException when the database refuses: the
	 * actor is no enabled administrator or changes their own role
	 */
	@Transactional
	public void change(long accountId, Role role, long administratorId, String ip) {
		this.jdbc.sql("SELECT change_account_role(:account, :role, :actor, CAST(:ip AS inet))")
			.param("account", accountId)
			.param("role", role.name())
			.param("actor", administratorId)
			.param("ip", ip)
			.query((row, number) -> Boolean.TRUE)
			.single();
	}

}
