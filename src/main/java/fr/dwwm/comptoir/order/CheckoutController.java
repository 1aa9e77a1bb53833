package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.NoIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.account.Address;
import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.account.SavedAddresses;
import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.cart.CartBadgeAdvice;
import fr.dwwm.comptoir.cart.CartView;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.cart.CurrentCart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The checkout page, for guests and customers alike, and the confirmation page of an
 * order just placed. One form, in sections (contact, address, delivery, promotion code,
 * summary, payment); "Mettre à jour le récapitulatif" reprices without ordering, and the
 * final button says that the order commits to pay (Code de la consommation, art.
 * L221-14).
 */
@Controller
@NoIndex
class CheckoutController {

	/** Session attribute listing the orders this visitor placed, for guests' pages. */
	static final String PLACED_ORDERS = "comptoir.placedOrders";

	private final CurrentCart currentCart;

	private final Carts carts;

	private final Checkout checkout;

	private final OrderQueries orders;

	private final Invoices invoices;

	private final SavedAddresses savedAddresses;

	private final SmartValidator validator;

	CheckoutController(CurrentCart currentCart, Carts carts, Checkout checkout, OrderQueries orders, Invoices invoices,
			SavedAddresses savedAddresses, SmartValidator validator) {
		this.currentCart = currentCart;
		this.carts = carts;
		this.checkout = checkout;
		this.orders = orders;
		this.invoices = invoices;
		this.savedAddresses = savedAddresses;
		this.validator = validator;
	}

	@InitBinder("form")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("idempotencyKey", "expectedTotalCents", "email", "addressId", "firstName", "lastName",
				"line1", "line2", "postalCode", "city", "country", "phone", "billingSame", "billing.firstName",
				"billing.lastName", "billing.line1", "billing.line2", "billing.postalCode", "billing.city",
				"billing.country", "shippingMethod", "promoCode", "acceptTerms", "cardNumber", "cardExpiry", "cardCode",
				"cardHolder");
		// An empty optional field (phone, second line) is no value, not an invalid one.
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/checkout")
	String form(@AuthenticationPrincipal ShopUser user, HttpServletRequest request, Model model) {
		Optional<Long> cartId = this.currentCart.find(request);
		Optional<CartView> cart = cartId.map(this.carts::view).filter((view) -> !view.isEmpty());
		if (cart.isEmpty() || !cart.get().orderable()) {
			return "redirect:/cart";
		}
		CheckoutForm form = new CheckoutForm();
		// The code applied on an earlier visit of the checkout, kept with the cart.
		Optional<String> kept = this.carts.promoCode(cartId.get());
		kept.ifPresent(form::setPromoCode);
		List<Address> saved = addressBook(user);
		if (user != null) {
			form.setEmail(user.getUsername());
			if (!saved.isEmpty()) {
				form.setAddressId(saved.get(0).getId());
				form.fill(saved.get(0).postalAddress());
			}
			// The billing address of the address book, when it is not the delivery one,
			// is offered for the invoice, box unticked.
			saved.stream()
				.filter((address) -> address.isDefaultBilling() && !address.getId().equals(form.getAddressId()))
				.findFirst()
				.ifPresent((billing) -> {
					form.setBillingSame(false);
					form.getBilling().fill(billing.postalAddress());
				});
		}
		return page(form, cartId.get(), cart.get(), kept, saved, user, model);
	}

	@PostMapping("/checkout")
	String submit(@ModelAttribute("form") CheckoutForm form, BindingResult errors,
			@RequestParam(defaultValue = "order") String intent, @AuthenticationPrincipal ShopUser user,
			HttpServletRequest request, Model model, Locale locale) {
		Optional<Long> cartId = this.currentCart.find(request);
		Optional<CartView> cart = cartId.map(this.carts::view);
		if (cart.isEmpty() || cart.get().isEmpty()) {
			return "redirect:/cart";
		}
		if (user != null) {
			form.setEmail(user.getUsername());
			if (form.getAddressId() != null) {
				this.savedAddresses.find(form.getAddressId(), user.getAccountId())
					.ifPresentOrElse((address) -> form.fill(address.postalAddress()), () -> form.setAddressId(null));
			}
		}
		else {
			form.setAddressId(null);
		}
		if ("quote".equals(intent)) {
			return page(form, cartId.get(), cart.get(), user, model);
		}
		this.validator.validate(form, errors);
		form.checkPostalCodeOfCountry(errors);
		if (!form.isBillingSame()) {
			// The billing address has the rules of every address; its errors go next to
			// its
			// own fields (billing.postalCode…).
			errors.pushNestedPath("billing");
			this.validator.validate(form.getBilling(), errors);
			form.getBilling().checkPostalCodeOfCountry(errors);
			errors.popNestedPath();
		}
		if (errors.hasErrors()) {
			return page(form, cartId.get(), cart.get(), user, model);
		}
		try {
			Checkout.Placed placed = this.checkout
				.place(new NewOrder(cartId.get(), (user != null) ? user.getAccountId() : null, form.getEmail().strip(),
						locale, form.postalAddress(), form.billingAddress(), form.getShippingMethod(),
						form.getPromoCode(), key(form), form.getExpectedTotalCents(), form.card()));
			HttpSession session = request.getSession();
			remember(session, placed.reference());
			if (user == null && placed.now()) {
				session.removeAttribute(CurrentCart.SESSION_ATTRIBUTE);
			}
			return "redirect:/checkout/orders/" + placed.reference();
		}
		catch (CheckoutRefusal refusal) {
			model.addAttribute("refusal", refusal);
			// A new key: the refused attempt stays what it was, the next one is new.
			form.setIdempotencyKey(null);
			return page(form, cartId.get(), this.carts.view(cartId.get()), user, model);
		}
	}

	@GetMapping("/checkout/orders/{reference}")
	String placed(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, HttpServletRequest request,
			Model model) {
		model.addAttribute("order", visible(reference, user, request));
		model.addAttribute("confirmation", true);
		return "order/order";
	}

	@GetMapping("/checkout/orders/{reference}/invoice.pdf")
	ResponseEntity<byte[]> invoice(@PathVariable String reference, @AuthenticationPrincipal ShopUser user,
			HttpServletRequest request) {
		return invoicePdf(this.invoices, visible(reference, user, request));
	}

	static ResponseEntity<byte[]> invoicePdf(Invoices invoices, OrderDetails order) {
		return pdf(invoices.pdf(order.id()), order.invoiceNumber());
	}

	/**
	 * Sends a PDF as a download, or 404 when there is none.
	 * @param pdf the document, if it exists
	 * @param number its number, the file's name
	 * @return the response
	 */
	static ResponseEntity<byte[]> pdf(Optional<byte[]> pdf, String number) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(number + ".pdf").build().toString())
			.body(pdf.orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
	}

	/**
	 * An order is shown to its customer, or to the visitor whose session placed it; to
	 * anyone else it does not exist (404, not 403: its reference reveals nothing).
	 */
	private OrderDetails visible(String reference, ShopUser user, HttpServletRequest request) {
		Optional<OrderDetails> order = (user != null) ? this.orders.ofCustomer(reference, user.getAccountId())
				: Optional.empty();
		if (order.isEmpty() && placedInThisSession(request, reference)) {
			order = this.orders.byReference(reference);
		}
		return order.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private String page(CheckoutForm form, long cartId, CartView cart, ShopUser user, Model model) {
		return page(form, cartId, cart, this.carts.promoCode(cartId), addressBook(user), user, model);
	}

	/**
	 * The checkout page, priced; the promotion code that applies is kept with the cart
	 * (written only when it is not the one already kept).
	 * @param kept the code kept with the cart before this request
	 * @param saved the customer's address book, empty for a guest
	 */
	private String page(CheckoutForm form, long cartId, CartView cart, Optional<String> kept, List<Address> saved,
			ShopUser user, Model model) {
		Quote quote = quote(form, form.getPromoCode(), cart, user);
		if (quote.promoCheck() != null && !quote.promoCheck().applies() && kept.isPresent()
				&& !kept.get().equalsIgnoreCase(form.getPromoCode().strip())) {
			// Another code was tried and refused: the one applied before stays, and both
			// answers are shown (the refusal, and that the earlier code still applies).
			Quote withKept = quote(form, kept.get(), cart, user);
			if (withKept.promo() != null) {
				model.addAttribute("refusedPromo", quote.promoCheck());
				form.setPromoCode(withKept.promo().code());
				quote = withKept;
			}
		}
		String applied = (quote.promo() != null) ? quote.promo().code() : null;
		if (!Objects.equals(applied, kept.orElse(null))) {
			this.carts.keepPromoCode(cartId, applied);
		}
		form.setShippingMethod((quote.shipping() != null) ? quote.shipping().code() : null);
		form.setExpectedTotalCents(quote.totals().totalCents());
		if (form.getIdempotencyKey() == null || parse(form.getIdempotencyKey()) == null) {
			form.setIdempotencyKey(UUID.randomUUID().toString());
		}
		form.forgetCard();
		model.addAttribute("form", form);
		model.addAttribute("quote", quote);
		model.addAttribute("savedAddresses", saved);
		CartBadgeAdvice.countTheLinesShown(model, cart);
		return "order/checkout";
	}

	private List<Address> addressBook(ShopUser user) {
		return (user != null) ? this.savedAddresses.of(user.getAccountId()) : List.of();
	}

	private Quote quote(CheckoutForm form, String promoCode, CartView cart, ShopUser user) {
		return this.checkout.quote(cart, form.getShippingMethod(), promoCode,
				new PromoCodes.Customer((user != null) ? user.getAccountId() : null, form.getEmail()),
				Country.of(form.getCountry()).orElse(Country.FR));
	}

	private static UUID key(CheckoutForm form) {
		UUID key = parse(form.getIdempotencyKey());
		return (key != null) ? key : UUID.randomUUID();
	}

	private static UUID parse(String key) {
		try {
			return (key != null) ? UUID.fromString(key) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static void remember(HttpSession session, String reference) {
		Object placed = session.getAttribute(PLACED_ORDERS);
		List<String> references = (placed instanceof List<?> list) ? new ArrayList<>((List<String>) list)
				: new ArrayList<>();
		references.add(reference);
		session.setAttribute(PLACED_ORDERS, references);
	}

	private static boolean placedInThisSession(HttpServletRequest request, String reference) {
		HttpSession session = request.getSession(false);
		Object placed = (session != null) ? session.getAttribute(PLACED_ORDERS) : null;
		return placed instanceof List<?> list && list.contains(reference);
	}

}
