package fr.dwwm.comptoir.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The address book's form: a postal address ({@link PostalAddressForm}) with the name the
 * customer gives it, whether it is their default one for deliveries, and whether it is
 * their billing address (offered for the invoice at the checkout). Which address it
 * changes comes from the path and the signed-in account, never from the form.
 */
public class AddressForm extends PostalAddressForm {

	/** The address being edited, for the page only: never bound from the request. */
	private Long id;

	@NotBlank(message = "{validation.required}")
	@Size(max = 50, message = "{validation.too-long}")
	private String label;

	private boolean isDefault;

	private boolean defaultBilling;

	private int version;

	/**
	 * The form filled with a saved address, to edit it.
	 * @param address the address
	 * @return the form
	 */
	static AddressForm of(Address address) {
		AddressForm form = new AddressForm();
		form.id = address.getId();
		form.label = address.getLabel();
		form.fill(address.postalAddress());
		form.isDefault = address.isDefault();
		form.defaultBilling = address.isDefaultBilling();
		form.version = address.getVersion();
		return form;
	}

	public Long getId() {
		return this.id;
	}

	void setId(Long id) {
		this.id = id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public boolean isDefault() {
		return this.isDefault;
	}

	public void setDefault(boolean isDefault) {
		this.isDefault = isDefault;
	}

	public boolean isDefaultBilling() {
		return this.defaultBilling;
	}

	public void setDefaultBilling(boolean defaultBilling) {
		this.defaultBilling = defaultBilling;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
