package fr.dwwm.comptoir.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Accounts, found by their login.
 */
public interface AccountRepository extends JpaRepository<Account, Long> {

	/**
	 * Finds an account by e-mail address.
	 * @param email the address, already normalised with {@link Account#normaliseEmail}
	 * @return the account, if any
	 */
	Optional<Account> findByEmail(String email);

}
