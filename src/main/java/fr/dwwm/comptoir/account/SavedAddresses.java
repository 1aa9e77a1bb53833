package fr.dwwm.comptoir.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's saved addresses, for the other features (the checkout offers them): always
 * by owner, so nobody reads another customer's address.
 */
@Service
public class SavedAddresses {

	private final AddressRepository addresses;

	SavedAddresses(AddressRepository addresses) {
		this.addresses = addresses;
	}

	/**
	 * Lists a customer's addresses, the default one first.
	 * @param accountId the owner
	 * @return the addresses
	 */
	@Transactional(readOnly = true)
	public List<Address> of(long accountId) {
		return this.addresses.findByAccountIdOrderByIsDefaultDescIdAsc(accountId);
	}

	/**
	 * Finds one of a customer's addresses.
	 * @param id the address
	 * @param accountId the owner
	 * @return the address, if it is theirs
	 */
	@Transactional(readOnly = true)
	public Optional<Address> find(long id, long accountId) {
		return this.addresses.findByIdAndAccountId(id, accountId);
	}

}
