package fr.dwwm.comptoir.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * Saved addresses, read only ({@link SavedAddresses} writes them in SQL). Every query
 * takes the owner's account id: a customer can never read another customer's address by
 * guessing its id (IDOR, OWASP ASVS 8.2.2).
 */
public interface AddressRepository extends Repository<Address, Long> {

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

}
