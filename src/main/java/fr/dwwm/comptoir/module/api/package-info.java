/**
 * What a module may use of the shop, and all it may use: the module contract
 * ({@link fr.dwwm.comptoir.module.api.ShopModule}), the display hooks where it renders,
 * the events it listens to, its typed settings, and a few ports onto the shop (catalog,
 * current customer, mail, audit log). Built-in modules depend on this package only, which
 * an ArchUnit rule enforces; a module shipped as its own jar compiles against it alone.
 */
package fr.dwwm.comptoir.module.api;
