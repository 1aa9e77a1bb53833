package fr.dwwm.comptoir.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Saved addresses. Every query takes the owner's account id: a customer can never read or
 * change another customer's address by guessing its id (IDOR, OWASP ASVS 8.2.2).
 */
public interface AddressRepository extends JpaRepository<Address, Long> {

	/**
	 * Lists an account's addresses, the default one first.
	 * @param accountId the owner
	 * @return the addresses
	 */
	List<Address> findByAccountIdOrderByIsDefaultDescIdAsc(long accountId);

	/**
	 * Finds an address of an account.
	 * @param id the address
	 * @param accountId the owner
	 * @return the address, if it belongs to that account
	 */
	Optional<Address> findByIdAndAccountId(long id, long accountId);

	/**
	 * Makes no address of an account the default one.
	 * @param accountId the owner
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Address a set a.isDefault = false where a.accountId = :accountId")
	void clearDefault(long accountId);

	/**
	 * Deletes every address of an account.
	 * @param accountId the owner
	 */
	@Modifying
	@Query("delete from Address a where a.accountId = :accountId")
	void deleteByAccount(long accountId);

}
