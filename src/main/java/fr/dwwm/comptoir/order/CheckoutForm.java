package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddress;
import fr.dwwm.comptoir.account.PostalAddressForm;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The checkout form: contact, delivery address (the fields and rules of the address book,
 * {@link PostalAddressForm}), delivery method, promotion code, acceptance of the terms of
 * sale and card. The card fields are never sent back to the page, never logged
 * ({@link #toString()}) and never stored.
 */
public class CheckoutForm extends PostalAddressForm {

	private String idempotencyKey;

	private long expectedTotalCents;

	@NotBlank(message = "{validation.email.required}")
	@Email(message = "{validation.email.invalid}")
	@Size(max = 254, message = "{validation.email.invalid}")
	private String email;

	private Long addressId;

	/** Whether the invoice is made out to the delivery address (the usual case). */
	private boolean billingSame = true;

	private BillingAddressForm billing = new BillingAddressForm();

	private String shippingMethod;

	@Size(max = 20, message = "{checkout.promo.too-long}")
	private String promoCode;

	@AssertTrue(message = "{checkout.terms.required}")
	private boolean acceptTerms;

	@NotBlank(message = "{checkout.card.number.required}")
	@Pattern(regexp = "[0-9 -]{12,23}", message = "{checkout.card.number.invalid}")
	private String cardNumber;

	@NotBlank(message = "{checkout.card.expiry.required}")
	@Pattern(regexp = "(0[1-9]|1[0-2]) ?/ ?[0-9]{2}", message = "{checkout.card.expiry.invalid}")
	private String cardExpiry;

	@NotBlank(message = "{checkout.card.code.required}")
	@Pattern(regexp = "[0-9]{3,4}", message = "{checkout.card.code.invalid}")
	private String cardCode;

	@NotBlank(message = "{checkout.card.holder.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String cardHolder;

	/** Forgets the card, before the form goes back to the page. */
	void forgetCard() {
		this.cardNumber = null;
		this.cardExpiry = null;
		this.cardCode = null;
	}

	NewOrder.Card card() {
		return new NewOrder.Card(this.cardNumber, this.cardExpiry, this.cardCode, this.cardHolder);
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	@Override
	public String toString() {
		return "CheckoutForm[key=" + this.idempotencyKey + ", card=****]";
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public long getExpectedTotalCents() {
		return this.expectedTotalCents;
	}

	public void setExpectedTotalCents(long expectedTotalCents) {
		this.expectedTotalCents = expectedTotalCents;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public boolean isBillingSame() {
		return this.billingSame;
	}

	public void setBillingSame(boolean billingSame) {
		this.billingSame = billingSame;
	}

	public BillingAddressForm getBilling() {
		return this.billing;
	}

	public void setBilling(BillingAddressForm billing) {
		this.billing = billing;
	}

	/**
	 * Returns the address the invoice is made out to.
	 * @return the billing address typed, or the delivery address when it is the same
	 */
	PostalAddress billingAddress() {
		return this.billingSame ? postalAddress() : this.billing.postalAddress();
	}

	public Long getAddressId() {
		return this.addressId;
	}

	public void setAddressId(Long addressId) {
		this.addressId = addressId;
	}

	public String getShippingMethod() {
		return this.shippingMethod;
	}

	public void setShippingMethod(String shippingMethod) {
		this.shippingMethod = shippingMethod;
	}

	public String getPromoCode() {
		return this.promoCode;
	}

	public void setPromoCode(String promoCode) {
		this.promoCode = promoCode;
	}

	public boolean isAcceptTerms() {
		return this.acceptTerms;
	}

	public void setAcceptTerms(boolean acceptTerms) {
		this.acceptTerms = acceptTerms;
	}

	public String getCardNumber() {
		return this.cardNumber;
	}

	public void setCardNumber(String cardNumber) {
		this.cardNumber = cardNumber;
	}

	public String getCardExpiry() {
		return this.cardExpiry;
	}

	public void setCardExpiry(String cardExpiry) {
		this.cardExpiry = cardExpiry;
	}

	public String getCardCode() {
		return this.cardCode;
	}

	public void setCardCode(String cardCode) {
		this.cardCode = cardCode;
	}

	public String getCardHolder() {
		return this.cardHolder;
	}

	public void setCardHolder(String cardHolder) {
		this.cardHolder = cardHolder;
	}

}
