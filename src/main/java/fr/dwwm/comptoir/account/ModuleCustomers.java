package fr.dwwm.comptoir.account;

import java.util.Optional;

import fr.dwwm.comptoir.module.api.ModuleCustomer;
import fr.dwwm.comptoir.module.api.ShopCustomers;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells modules which customer is signed in ({@link ShopCustomers}): staff members are
 * not customers, and a module learns the first name and the initial of the last name,
 * never more (an empty name when the account has none).
 */
@Component
class ModuleCustomers implements ShopCustomers {

	private final AccountRepository accounts;

	ModuleCustomers(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<ModuleCustomer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ShopUser user)) {
			return Optional.empty();
		}
		return this.accounts.findById(user.getAccountId())
			.filter((account) -> account.getRole() == Role.CUSTOMER)
			.map((account) -> new ModuleCustomer(account.getId(), displayName(account), account.getEmail()));
	}

	private static String displayName(Account account) {
		String first = (account.getFirstName() != null) ? account.getFirstName() : "";
		String last = account.getLastName();
		String name = (last != null && !last.isEmpty()) ? first + " " + last.charAt(0) + "." : first;
		return name.strip();
	}

}
