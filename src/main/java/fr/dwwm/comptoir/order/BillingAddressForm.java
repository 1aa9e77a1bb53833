package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.account.PostalAddressForm;

/**
 * The billing address of the checkout, when it is not the delivery address: the fields
 * and rules of every postal address of the shop ({@link PostalAddressForm}). The invoice
 * is made out to it.
 */
public class BillingAddressForm extends PostalAddressForm {

}
