package fr.dwwm.comptoir.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal details a customer keeps up to date: names, phone, language.
 */
@Service
class Profiles {

	private final AccountRepository accounts;

	Profiles(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * Saves what the profile form says.
	 * @param accountId the signed-in account
	 * @param form the form, already checked
	 */
	@Transactional
	void update(long accountId, ProfileForm form) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.setFirstName(form.getFirstName().strip());
		account.setLastName(form.getLastName().strip());
		account.setPhone((form.getPhone() == null || form.getPhone().isBlank()) ? null : form.getPhone().strip());
		account.setPreferredLocale(form.getLanguage());
	}

}
