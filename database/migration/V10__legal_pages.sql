-- Legal and information pages of the shop, with their first revision and the footer menu.
--
-- These pages exist in every mode, production included: a French online shop must publish
-- its legal notice, terms of sale, privacy and cookie policies and accessibility statement
-- from the first day. The company they describe is fictitious and every value the operator
-- must supply is marked "à compléter par l'exploitant"; the operator edits the pages in the
-- back-office (each save adds a revision), never in a new migration.
-- The HTML uses only the tags the sanitizer's allow-list keeps. The page title is shown
-- by the template as the page heading (h1), so the content starts at h2.

INSERT INTO cms_page (slug, title, meta_description, status, published_at, content_html) VALUES

-- Mentions légales -------------------------------------------------------------------------
('mentions-legales', 'Mentions légales',
 'Mentions légales de Comptoir, boutique de démonstration : éditeur (Comptoir SAS, société fictive), directeur de la publication, contact, hébergeur et propriété intellectuelle.',
 'PUBLISHED', now(),
$html$<p><strong>Comptoir est une boutique de démonstration.</strong> La société qui l'édite est fictive, aucune vente réelle n'y a lieu : aucune commande n'est expédiée et aucune carte bancaire n'est débitée. Les informations ci-dessous montrent ce que doit publier une boutique en ligne française ; l'exploitant qui met le site en service les remplace par les siennes.</p>

<h2>Éditeur du site</h2>
<p>Le site est édité par <strong>Comptoir SAS (société fictive)</strong>, société par actions simplifiée au capital de 10 000 €.</p>
<address>Comptoir SAS (société fictive)<br>12 rue des Artisans<br>69002 Lyon<br>France<br>Courriel : contact@comptoir.test<br>Téléphone : à compléter par l'exploitant</address>
<ul>
<li>Immatriculation : RCS Lyon 000 000 000 (fictif)</li>
<li>SIRET : 000 000 000 00012 (fictif)</li>
<li>Numéro de TVA intracommunautaire : FR00000000000 (fictif)</li>
</ul>

<h2>Directeur de la publication</h2>
<p>Nadia Benali, présidente de Comptoir SAS (personne fictive).</p>

<h2>Hébergeur</h2>
<p>À compléter par l'exploitant : nom ou raison sociale, adresse et numéro de téléphone de l'hébergeur, comme l'exige la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique (LCEN).</p>

<h2>Nous contacter</h2>
<p>Pour toute question sur le site, une commande ou vos données personnelles, écrivez à contact@comptoir.test ou à l'adresse postale ci-dessus.</p>

<h2>Propriété intellectuelle</h2>
<p>La structure du site, ses textes, ses photographies, ses illustrations, son logo et sa charte graphique sont protégés par le Code de la propriété intellectuelle. Toute reproduction ou représentation, totale ou partielle, sans l'autorisation préalable de Comptoir SAS ou des titulaires des droits est interdite (article L122-4 du Code de la propriété intellectuelle). Les noms de produits, d'ateliers et de producteurs cités restent la propriété de leurs titulaires.</p>

<h2>Autres informations</h2>
<ul>
<li>Conditions de vente, médiation de la consommation et garanties : <a href="/pages/cgv">conditions générales de vente</a></li>
<li>Données personnelles : <a href="/pages/confidentialite">politique de confidentialité</a></li>
<li>Cookies : <a href="/pages/cookies">cookies et traceurs</a></li>
<li>Accessibilité : <a href="/pages/accessibilite">déclaration d'accessibilité</a></li>
</ul>

<h2>Boutique de démonstration</h2>
<p>Comptoir sert d'exemple au titre professionnel « Développeur web et web mobile ». Les produits, les prix, les comptes clients et les commandes que vous y voyez sont fictifs : <strong>aucune vente réelle n'a lieu</strong>, aucun colis n'est expédié et aucun paiement n'est encaissé. N'y saisissez ni vos vraies coordonnées bancaires ni de données personnelles réelles.</p>
$html$),

-- Conditions générales de vente ------------------------------------------------------------
('cgv', 'Conditions générales de vente',
 'Conditions générales de vente de Comptoir : commande, prix TTC, paiement par carte, livraison, droit de rétractation de 14 jours, remboursements, garanties légales, médiation de la consommation et droit applicable.',
 'PUBLISHED', now(),
$html$<p><strong>Boutique de démonstration :</strong> Comptoir SAS est une société fictive et aucune vente réelle n'est conclue sur ce site. Les articles qui suivent sont ceux qu'appliquerait une boutique réelle ; l'exploitant qui met le site en service les relit et les complète.</p>

<h2>1. Objet et champ d'application</h2>
<p>Les présentes conditions générales de vente (CGV) régissent les ventes conclues à distance, sur ce site, entre Comptoir SAS (société fictive), 12 rue des Artisans, 69002 Lyon, RCS Lyon 000 000 000 (fictif), ci-après « Comptoir », et toute personne physique qui agit à des fins n'entrant pas dans le cadre de son activité commerciale, industrielle, artisanale, libérale ou agricole, ci-après « le client ». Les coordonnées complètes de Comptoir figurent dans les <a href="/pages/mentions-legales">mentions légales</a>.</p>
<p>Le client prend connaissance des CGV avant de commander et les accepte en cochant la case prévue à cet effet. Les CGV applicables sont celles en vigueur au jour de la commande ; elles sont jointes à l'e-mail de confirmation. Elles sont rédigées en français, langue du contrat.</p>

<h2>2. Produits</h2>
<p>Comptoir vend des produits d'épicerie fine et des objets pour la maison fabriqués par de petits producteurs et des artisans français, dans la limite des stocks disponibles. Chaque fiche produit présente les caractéristiques essentielles du produit (article L111-1 du Code de la consommation) et, pour les denrées alimentaires, les informations obligatoires prévues par le règlement (UE) n° 1169/2011 (dénomination, ingrédients, allergènes, quantité nette, conditions de conservation, origine le cas échéant). La date de durabilité figure sur l'emballage du produit livré.</p>
<p>Les produits étant faits à la main, de légères variations de forme, de couleur ou de goût d'une pièce ou d'un lot à l'autre sont normales et font partie de leur caractère.</p>

<h2>3. Prix</h2>
<p>Les prix sont indiqués en euros, toutes taxes comprises (TTC). Ils incluent la TVA au taux applicable : en France, 5,5 % pour la plupart des produits alimentaires et 20 % pour les autres biens ainsi que pour certains produits alimentaires (confiseries, certains chocolats). Le montant de la TVA est détaillé sur la facture.</p>
<p>Les frais de livraison s'ajoutent au prix des produits ; ils sont indiqués avant la validation de la commande (voir l'article 6). Le prix facturé est celui affiché au moment de la validation de la commande. Un code promotionnel ne s'applique que dans les conditions annoncées avec lui.</p>

<h2>4. Commande</h2>
<ol>
<li>Le client ajoute les produits de son choix à son panier.</li>
<li>Il s'identifie avec son compte client, ou en crée un, ou poursuit sans compte en donnant son adresse e-mail.</li>
<li>Il indique ses adresses de livraison et de facturation et choisit un mode de livraison.</li>
<li>Un récapitulatif présente les produits, les quantités, le prix total TTC, les frais de livraison et le délai de livraison. Le client peut vérifier sa commande et corriger d'éventuelles erreurs avant de la confirmer (article 1127-2 du Code civil).</li>
<li>Il accepte les CGV puis valide sa commande par le bouton « Commander avec obligation de paiement » (article L221-14 du Code de la consommation) et règle sa commande.</li>
</ol>
<p>Le contrat est conclu dès la validation de la commande et l'acceptation du paiement. Comptoir confirme la commande par un e-mail qui en reprend le contenu, les CGV et le formulaire de rétractation (article L221-13 du Code de la consommation). Le client suit ensuite sa commande depuis son espace client et par les e-mails envoyés à chaque étape.</p>
<p>Comptoir peut refuser une commande pour un motif légitime, par exemple un litige de paiement antérieur non réglé. Pour toute commande d'un montant égal ou supérieur à 120 € TTC, Comptoir conserve l'écrit qui la constate pendant dix ans à compter de la livraison et en garantit l'accès au client qui le demande (articles L213-1, D213-1 et D213-2 du Code de la consommation).</p>

<h2>5. Paiement</h2>
<p>Le paiement s'effectue par carte bancaire (CB, Visa, Mastercard) au moment de la commande, par l'intermédiaire d'un prestataire de paiement. La banque du client peut demander une authentification forte (3-D Secure). Comptoir ne reçoit et ne conserve jamais le numéro complet de la carte ni son cryptogramme : il garde seulement la référence de la transaction fournie par le prestataire et les quatre derniers chiffres de la carte.</p>
<p><strong>Boutique de démonstration :</strong> le paiement passe par une passerelle de test. Aucune carte n'est débitée et aucune somme n'est encaissée. N'utilisez pas une vraie carte bancaire.</p>

<h2>6. Livraison</h2>
<p>Comptoir livre en France métropolitaine, à Monaco, en Belgique et au Luxembourg. Trois modes de livraison sont proposés :</p>
<ul>
<li><strong>Colissimo à domicile</strong> : 5,90 €, offert dès 60 € d'achats ; livraison en 2 à 3 jours ouvrés.</li>
<li><strong>Point relais</strong> : 3,90 €, offert dès 45 € d'achats ; livraison en 3 à 5 jours ouvrés.</li>
<li><strong>Retrait à l'atelier</strong>, 12 rue des Artisans à Lyon : gratuit, dès le lendemain de la commande.</li>
</ul>
<p>La date ou le délai de livraison est indiqué avant la validation de la commande. À défaut, la livraison intervient au plus tard trente jours après la conclusion du contrat (article L216-1 du Code de la consommation). Si la livraison n'a pas eu lieu à la date ou dans le délai prévu, le client peut, après avoir enjoint Comptoir de livrer dans un délai supplémentaire raisonnable resté sans effet, mettre fin au contrat par lettre ou par e-mail ; il est alors remboursé de toutes les sommes versées dans les quatorze jours (articles L216-6 et suivants du Code de la consommation).</p>
<p>Les risques de perte ou d'endommagement des produits sont transférés au client lorsqu'il en prend physiquement possession (article L216-4 du Code de la consommation). Le détail des modes de livraison et du suivi des colis figure sur la page <a href="/pages/livraison">Livraison et retours</a>.</p>

<h2>7. Droit de rétractation</h2>
<p>Le client dispose d'un délai de <strong>quatorze jours</strong> pour se rétracter, sans avoir à motiver sa décision ni à payer d'autres frais que ceux indiqués ci-dessous (articles L221-18 et suivants du Code de la consommation). Le délai court à compter du jour où le client, ou un tiers qu'il a désigné autre que le transporteur, prend physiquement possession du produit ; pour une commande livrée en plusieurs fois, à compter de la réception du dernier produit.</p>
<p>Pour exercer ce droit, le client informe Comptoir de sa décision avant la fin du délai, par une déclaration dénuée d'ambiguïté envoyée par e-mail à contact@comptoir.test ou par courrier à l'adresse de Comptoir, ou en utilisant le modèle de formulaire ci-dessous (article L221-21 du Code de la consommation).</p>
<h3>Exceptions</h3>
<p>Conformément à l'article L221-28 du Code de la consommation, le droit de rétractation ne peut pas être exercé pour :</p>
<ul>
<li>les biens susceptibles de se détériorer ou de se périmer rapidement, comme les denrées alimentaires périssables (gâteaux, produits frais) ;</li>
<li>les biens qui ont été descellés par le client après la livraison et qui ne peuvent être renvoyés pour des raisons d'hygiène ou de protection de la santé, comme un pot, une boîte ou un paquet alimentaire ouvert ;</li>
<li>les biens confectionnés selon les spécifications du client ou nettement personnalisés.</li>
</ul>
<p>Les produits d'épicerie non périssables restés fermés et les objets pour la maison peuvent être retournés.</p>
<h3>Effets de la rétractation</h3>
<p>Le client renvoie ou rapporte les produits sans retard excessif et au plus tard quatorze jours après avoir communiqué sa décision (article L221-23 du Code de la consommation). Les frais directs de renvoi restent à sa charge ; il peut aussi rapporter les produits gratuitement à l'atelier. Sa responsabilité n'est engagée qu'en cas de dépréciation des produits résultant de manipulations autres que celles nécessaires pour établir leur nature, leurs caractéristiques et leur bon fonctionnement.</p>
<p>Comptoir rembourse la totalité des sommes versées, frais de livraison initiaux compris, au plus tard quatorze jours après avoir été informé de la décision du client, par le même moyen de paiement que celui utilisé pour la commande. Il peut différer le remboursement jusqu'à la récupération des produits ou jusqu'à ce que le client ait fourni une preuve de leur expédition, la date retenue étant celle du premier de ces faits (article L221-24 du Code de la consommation).</p>
<h3>Modèle de formulaire de rétractation</h3>
<p>(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)</p>
<p>À l'attention de Comptoir SAS, 12 rue des Artisans, 69002 Lyon, contact@comptoir.test :</p>
<p>Je/nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous :</p>
<ul>
<li>Commandé le (*)/reçu le (*) :</li>
<li>Nom du (des) consommateur(s) :</li>
<li>Adresse du (des) consommateur(s) :</li>
<li>Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :</li>
<li>Date :</li>
</ul>
<p>(*) Rayez la mention inutile.</p>

<h2>8. Retours et remboursements</h2>
<p>Pour un retour, le client écrit à contact@comptoir.test en indiquant la référence de sa commande (par exemple CPT-2026-000042) et les produits concernés, puis envoie le colis à Comptoir SAS, 12 rue des Artisans, 69002 Lyon, ou le dépose à l'atelier. Les produits voyagent dans un emballage qui les protège.</p>
<p>Tout remboursement, qu'il fasse suite à une rétractation, à une commande annulée ou à un produit non conforme, intervient dans les quatorze jours, par recrédit de la carte utilisée pour la commande. Un produit défectueux ou différent de celui commandé est repris sans frais pour le client, au titre de la garantie légale de conformité (article 9).</p>

<h2>9. Garanties légales</h2>
<p>Tous les produits bénéficient de la garantie légale de conformité (articles L217-3 et suivants du Code de la consommation) et de la garantie des vices cachés (articles 1641 à 1649 du Code civil). Le vendeur qui répond de ces garanties est Comptoir SAS (société fictive), 12 rue des Artisans, 69002 Lyon, contact@comptoir.test, téléphone : à compléter par l'exploitant (article D211-1 du Code de la consommation). Pour mettre en œuvre une garantie, le client écrit à cette adresse en décrivant le défaut constaté.</p>
<p>Le client qui agit au titre de la garantie des vices cachés peut choisir entre la résolution de la vente et une réduction du prix (article 1644 du Code civil), dans les deux ans qui suivent la découverte du vice (article 1648 du Code civil).</p>
<h3>Encadré relatif aux garanties légales (article D211-2 du Code de la consommation)</h3>
<p>Le consommateur dispose d'un délai de deux ans à compter de la délivrance du bien pour obtenir la mise en œuvre de la garantie légale de conformité en cas d'apparition d'un défaut de conformité. Durant ce délai, le consommateur n'est tenu d'établir que l'existence du défaut de conformité et non la date d'apparition de celui-ci.</p>
<p>Lorsque le contrat de vente du bien prévoit la fourniture d'un contenu numérique ou d'un service numérique de manière continue pendant une durée supérieure à deux ans, la garantie légale est applicable à ce contenu numérique ou ce service numérique tout au long de la période de fourniture prévue. Durant ce délai, le consommateur n'est tenu d'établir que l'existence du défaut de conformité affectant le contenu numérique ou le service numérique et non la date d'apparition de celui-ci.</p>
<p>La garantie légale de conformité emporte obligation pour le professionnel, le cas échéant, de fournir toutes les mises à jour nécessaires au maintien de la conformité du bien.</p>
<p>La garantie légale de conformité donne au consommateur droit à la réparation ou au remplacement du bien dans un délai de trente jours suivant sa demande, sans frais et sans inconvénient majeur pour lui.</p>
<p>Si le bien est réparé dans le cadre de la garantie légale de conformité, le consommateur bénéficie d'une extension de six mois de la garantie initiale.</p>
<p>Si le consommateur demande la réparation du bien, mais que le vendeur impose le remplacement, la garantie légale de conformité est renouvelée pour une période de deux ans à compter de la date de remplacement du bien.</p>
<p>Le consommateur peut obtenir une réduction du prix d'achat en conservant le bien ou mettre fin au contrat en se faisant rembourser intégralement contre restitution du bien, si :</p>
<ul>
<li>1° Le professionnel refuse de réparer ou de remplacer le bien ;</li>
<li>2° La réparation ou le remplacement du bien intervient après un délai de trente jours ;</li>
<li>3° La réparation ou le remplacement du bien occasionne un inconvénient majeur pour le consommateur, notamment lorsque le consommateur supporte définitivement les frais de reprise ou d'enlèvement du bien non conforme, ou s'il supporte les frais d'installation du bien réparé ou de remplacement ;</li>
<li>4° La non-conformité du bien persiste en dépit de la tentative de mise en conformité du vendeur restée infructueuse.</li>
</ul>
<p>Le consommateur a également droit à une réduction du prix du bien ou à la résolution du contrat lorsque le défaut de conformité est si grave qu'il justifie que la réduction du prix ou la résolution du contrat soit immédiate. Le consommateur n'est alors pas tenu de demander la réparation ou le remplacement du bien au préalable.</p>
<p>Le consommateur n'a pas droit à la résolution de la vente si le défaut de conformité est mineur.</p>
<p>Toute période d'immobilisation du bien en vue de sa réparation ou de son remplacement suspend la garantie qui restait à courir jusqu'à la délivrance du bien remis en état.</p>
<p>Les droits mentionnés ci-dessus résultent de l'application des articles L. 217-1 à L. 217-32 du code de la consommation.</p>
<p>Le vendeur qui fait obstacle de mauvaise foi à la mise en œuvre de la garantie légale de conformité encourt une amende civile d'un montant maximal de 300 000 euros, qui peut être porté jusqu'à 10 % du chiffre d'affaires moyen annuel (article L. 241-5 du code de la consommation).</p>
<p>Le consommateur bénéficie également de la garantie légale des vices cachés en application des articles 1641 à 1649 du code civil, pendant une durée de deux ans à compter de la découverte du défaut. Cette garantie donne droit à une réduction de prix si le bien est conservé ou à un remboursement intégral contre restitution du bien.</p>

<h2>10. Service client et réclamations</h2>
<p>Pour toute question ou réclamation, le client écrit à contact@comptoir.test ou à Comptoir SAS, 12 rue des Artisans, 69002 Lyon.</p>

<h2>11. Médiation de la consommation</h2>
<p>En cas de litige, le client adresse d'abord une réclamation écrite à Comptoir. S'il n'obtient pas satisfaction, ou sans réponse, il peut recourir gratuitement au médiateur de la consommation dont relève Comptoir (articles L611-1 et suivants et L612-1 du Code de la consommation), au plus tard un an après sa réclamation écrite :</p>
<p>Médiateur de la consommation : à compléter par l'exploitant (nom, adresse postale et site internet du médiateur choisi parmi ceux référencés sur <a href="https://www.economie.gouv.fr/mediation-conso">economie.gouv.fr/mediation-conso</a>).</p>
<p>Pour un litige avec un professionnel établi dans un autre pays de l'Union européenne, le client peut aussi se faire aider par le Centre européen des consommateurs France (<a href="https://www.europe-consommateurs.eu">www.europe-consommateurs.eu</a>). La plateforme européenne de règlement en ligne des litiges (RLL) a fermé le 20 juillet 2025 (règlement (UE) 2024/3228) : elle ne peut plus être saisie.</p>

<h2>12. Données personnelles</h2>
<p>Comptoir traite les données du client pour gérer ses commandes et son compte. Les finalités, les durées de conservation et les droits du client sont décrits dans la <a href="/pages/confidentialite">politique de confidentialité</a>.</p>

<h2>13. Droit applicable et litiges</h2>
<p>Les présentes CGV sont soumises au droit français. Le client qui réside dans un autre pays de l'Union européenne conserve la protection que lui assurent les dispositions impératives de la loi de son pays de résidence (article 6 du règlement (CE) n° 593/2008, dit « Rome I »). À défaut d'accord amiable ou de médiation, le client peut saisir, à son choix, la juridiction du lieu où il demeurait au moment de la conclusion du contrat ou de la survenance du fait dommageable, ou toute autre juridiction compétente (article R631-3 du Code de la consommation).</p>
$html$),

-- Politique de confidentialité --------------------------------------------------------------
('confidentialite', 'Politique de confidentialité',
 'Comment Comptoir traite vos données personnelles : données collectées, finalités et bases légales, durées de conservation, destinataires, sécurité, vos droits (accès, effacement, portabilité...) et réclamation auprès de la CNIL.',
 'PUBLISHED', now(),
$html$<p>Cette page explique quelles données personnelles Comptoir traite, pourquoi, combien de temps, et comment exercer vos droits, conformément au règlement (UE) 2016/679 (RGPD) et à la loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés.</p>
<p><strong>Boutique de démonstration :</strong> les comptes et les commandes de démonstration sont fictifs. N'y enregistrez pas de données personnelles réelles.</p>

<h2>Responsable du traitement</h2>
<address>Comptoir SAS (société fictive)<br>12 rue des Artisans<br>69002 Lyon<br>Courriel : contact@comptoir.test</address>

<h2>Données collectées</h2>
<ul>
<li><strong>Compte client</strong> : adresse e-mail, nom, prénom, téléphone (facultatif), mot de passe sous forme d'empreinte, langue préférée, dates de création et de dernière connexion.</li>
<li><strong>Adresses</strong> : adresses de livraison et de facturation enregistrées dans votre compte ou saisies lors d'une commande.</li>
<li><strong>Commandes</strong> : produits, montants, mode de livraison, numéro de suivi, factures, historique des états de la commande, échanges avec le service client.</li>
<li><strong>Paiement</strong> : référence de la transaction chez le prestataire de paiement, type de carte et quatre derniers chiffres. Jamais le numéro complet de la carte ni son cryptogramme.</li>
<li><strong>Journaux techniques</strong> : date, action effectuée (connexion, changement de mot de passe, commande...), résultat et adresse IP, enregistrés pour la sécurité du site.</li>
<li><strong>Lettre d'information</strong> : votre adresse e-mail, seulement si vous vous y inscrivez.</li>
</ul>

<h2>Finalités et bases légales</h2>
<ul>
<li>Créer et gérer votre compte, traiter vos commandes, les livrer, gérer les paiements, les retours, les rétractations et le service client : <strong>exécution du contrat</strong> (article 6.1.b du RGPD).</li>
<li>Établir et conserver les factures et les pièces comptables : <strong>obligation légale</strong> (article 6.1.c du RGPD).</li>
<li>Sécuriser le site et les comptes, prévenir la fraude, tenir les journaux de sécurité : <strong>intérêt légitime</strong> de Comptoir à protéger ses clients et son service (article 6.1.f du RGPD).</li>
<li>Vous envoyer la lettre d'information : <strong>consentement</strong> (article 6.1.a du RGPD), que vous pouvez retirer à tout moment par le lien de désinscription présent dans chaque envoi.</li>
</ul>
<p>Comptoir ne vend ni ne loue vos données, ne fait pas de profilage publicitaire et ne prend aucune décision automatisée à votre égard.</p>

<h2>Durées de conservation</h2>
<ul>
<li><strong>Compte client</strong> : tant que le compte est actif. Il est supprimé ou anonymisé à votre demande, ou après trois ans sans connexion.</li>
<li><strong>Commandes et factures</strong> : dix ans, comme l'exige l'article L123-22 du Code de commerce pour les documents comptables. Quand vous supprimez votre compte, vos commandes sont détachées de votre identité et ne servent plus qu'à la comptabilité.</li>
<li><strong>Journaux de sécurité</strong> : entre six et douze mois, puis ils sont effacés.</li>
<li><strong>Paiement</strong> : la référence de la transaction et les quatre derniers chiffres de la carte sont conservés avec la commande. Le numéro de carte et le cryptogramme ne sont jamais conservés.</li>
<li><strong>Lettre d'information</strong> : jusqu'à votre désinscription.</li>
</ul>

<h2>Destinataires</h2>
<p>Seules les personnes de Comptoir qui en ont besoin pour leur travail accèdent à vos données. Elles sont aussi transmises, pour ce qui les concerne, aux prestataires suivants :</p>
<ul>
<li>le <strong>transporteur</strong> (Colissimo ou le réseau de points relais) : nom, adresse de livraison, téléphone et e-mail, pour livrer le colis et vous prévenir ;</li>
<li>le <strong>prestataire de paiement</strong> : montant et référence de la commande, pour traiter le paiement ;</li>
<li>l'<strong>hébergeur</strong> du site (voir les <a href="/pages/mentions-legales">mentions légales</a>), qui stocke les données pour le compte de Comptoir.</li>
</ul>
<p>Ces prestataires agissent selon les instructions de Comptoir ou pour leur propre mission, et sont tenus à la confidentialité. Les administrations ou autorités judiciaires peuvent aussi obtenir des données lorsque la loi le prévoit.</p>

<h2>Pas de transfert hors de l'Union européenne</h2>
<p>Vos données sont hébergées et traitées dans l'Union européenne. Elles ne sont transférées vers aucun pays situé hors de l'Union européenne.</p>

<h2>Sécurité</h2>
<ul>
<li>Les mots de passe ne sont jamais stockés en clair : seule leur empreinte, calculée avec l'algorithme Argon2id, est conservée.</li>
<li>Toutes les pages sont servies en HTTPS, qui chiffre les échanges entre votre navigateur et le site.</li>
<li>Chaque personne et chaque composant du site n'a que les droits strictement nécessaires (principe du moindre privilège) : l'application elle-même ne peut ni modifier le schéma de la base de données ni effacer le journal de sécurité.</li>
<li>Les actions sensibles sont journalisées pour détecter et analyser les incidents.</li>
</ul>

<h2>Vos droits</h2>
<p>Vous disposez des droits suivants sur vos données :</p>
<ul>
<li><strong>accès</strong> : savoir quelles données Comptoir détient sur vous et en obtenir une copie ;</li>
<li><strong>rectification</strong> : corriger des données inexactes ou incomplètes, directement dans votre espace client ;</li>
<li><strong>effacement</strong> : faire supprimer vos données ; votre espace client vous permet de supprimer votre compte vous-même, les commandes étant alors anonymisées et conservées pour la seule comptabilité ;</li>
<li><strong>portabilité</strong> : recevoir vos données dans un format structuré et lisible par machine ; votre espace client vous permet de télécharger vos données au format JSON ;</li>
<li><strong>opposition</strong> : vous opposer à un traitement fondé sur l'intérêt légitime, pour des raisons tenant à votre situation particulière, et à tout moment à la prospection ;</li>
<li><strong>limitation</strong> : demander le gel temporaire d'un traitement, par exemple le temps de vérifier l'exactitude d'une donnée ;</li>
<li><strong>retrait du consentement</strong>, à tout moment, pour la lettre d'information ;</li>
<li><strong>directives post mortem</strong> : définir ce que deviendront vos données après votre décès (article 85 de la loi du 6 janvier 1978).</li>
</ul>
<p>Pour exercer ces droits, utilisez votre espace client ou écrivez à contact@comptoir.test. Comptoir vous répond dans un délai d'un mois, qui peut être prolongé de deux mois si la demande est complexe ; il ne vous demande un justificatif d'identité qu'en cas de doute raisonnable sur votre identité.</p>

<h2>Cookies</h2>
<p>Le site n'utilise que des cookies strictement nécessaires à son fonctionnement : voir la page <a href="/pages/cookies">Cookies</a>.</p>

<h2>Réclamation auprès de la CNIL</h2>
<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL) sur <a href="https://www.cnil.fr">www.cnil.fr</a> ou par courrier :</p>
<p>CNIL<br>3 place de Fontenoy<br>TSA 80715<br>75334 Paris Cedex 07</p>
$html$),

-- Cookies ------------------------------------------------------------------------------------
('cookies', 'Cookies',
 'Comptoir n''utilise que des cookies strictement nécessaires, exemptés de consentement : session, protection CSRF et choix de la langue. Aucun cookie de mesure d''audience, de publicité ou de tiers, donc pas de bandeau cookies.',
 'PUBLISHED', now(),
$html$<p>Un cookie est un petit fichier qu'un site dépose dans votre navigateur pour retrouver une information d'une page à l'autre. La loi encadre tous les « traceurs » de ce type, y compris le stockage local du navigateur (article 82 de la loi n° 78-17 du 6 janvier 1978) : ils ne peuvent être utilisés qu'avec votre consentement, sauf s'ils sont strictement nécessaires au service que vous demandez.</p>

<h2>Seulement des cookies strictement nécessaires</h2>
<p>Comptoir n'utilise que des traceurs strictement nécessaires, exemptés de consentement selon les lignes directrices de la CNIL (délibération n° 2020-091 du 17 septembre 2020) :</p>
<ul>
<li><strong>Cookie de session</strong> : un identifiant aléatoire qui permet de garder votre panier et de vous garder connecté d'une page à l'autre. Il ne contient aucune donnée personnelle en clair, n'est pas lisible par les scripts de la page et est effacé à la fermeture du navigateur ; la session expire aussi côté serveur après une période d'inactivité ou à la déconnexion.</li>
<li><strong>Protection contre la falsification de requêtes (CSRF)</strong> : le cookie « COMPTOIR_CSRF » contient un jeton aléatoire qui vérifie que chaque formulaire envoyé vient bien du site. Il n'est pas lisible par les scripts de la page et est effacé à la fermeture du navigateur.</li>
<li><strong>Cookie « comptoir-lang »</strong> : retient la langue d'affichage (français ou anglais). Il n'est déposé que si vous choisissez une langue avec le lien prévu à cet effet, et dure un an.</li>
</ul>
<p>Le choix du thème clair ou sombre est enregistré dans le stockage local (localStorage) de votre navigateur. Il n'est jamais envoyé au serveur et sert uniquement à afficher le site comme vous l'avez demandé ; c'est lui aussi un traceur de personnalisation de l'interface, exempté de consentement.</p>

<h2>Aucun cookie de mesure d'audience, de publicité ou de tiers</h2>
<p>Le site n'utilise aucun outil de mesure d'audience, aucune publicité, aucun bouton de réseau social et aucun cookie de tiers. Il ne charge rien depuis d'autres sites (ni polices, ni scripts, ni vidéos) : sa politique de sécurité du contenu l'interdit. Aucune information sur votre navigation n'est donc transmise à un tiers.</p>
<p>C'est pourquoi le site n'affiche pas de bandeau de consentement aux cookies : il n'y a rien à accepter ou à refuser. Si un jour un traceur soumis au consentement était ajouté, il ne serait déposé qu'après votre accord et cette page serait mise à jour.</p>

<h2>Supprimer les cookies</h2>
<p>Vous pouvez à tout moment supprimer les cookies et les données du site depuis les réglages de votre navigateur, en général dans la rubrique « Confidentialité » ou « Vie privée et sécurité », sous « Cookies et données de sites ». Vous pouvez aussi y bloquer les cookies.</p>
<p>Supprimer le cookie de session vous déconnecte et vide un panier qui n'est pas rattaché à un compte client ; le panier d'un client connecté est retrouvé à la prochaine connexion. Supprimer le cookie de langue réaffiche le site en français ; effacer les données du site réinitialise aussi le choix du thème. Bloquer tous les cookies empêche de se connecter et de commander.</p>
<p>Pour en savoir plus, consultez les conseils de la CNIL sur <a href="https://www.cnil.fr">www.cnil.fr</a> et notre <a href="/pages/confidentialite">politique de confidentialité</a>.</p>
$html$),

-- Déclaration d'accessibilité ----------------------------------------------------------------
('accessibilite', 'Déclaration d''accessibilité',
 'Déclaration d''accessibilité de Comptoir selon le RGAA 4.1.2 : état de conformité (non conforme, en l''absence d''audit), technologies utilisées, tests automatisés, signalement d''un problème et voies de recours auprès du Défenseur des droits.',
 'PUBLISHED', now(),
$html$<p>Comptoir SAS (société fictive) s'engage à rendre son site internet accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005 pour l'égalité des droits et des chances, la participation et la citoyenneté des personnes handicapées. Les services de commerce en ligne, hors microentreprises, sont aussi soumis depuis le 28 juin 2025 aux exigences d'accessibilité issues de la directive (UE) 2019/882.</p>
<p>À cette fin, Comptoir met en œuvre le plan d'action suivant : vérifications automatiques à chaque modification du site, audit de conformité complet, correction des non-conformités relevées, puis mise à jour de cette déclaration.</p>
<p>Cette déclaration d'accessibilité s'applique à la boutique en ligne Comptoir (adresse du site à compléter par l'exploitant).</p>

<h2>État de conformité</h2>
<p>La boutique Comptoir est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.2.</p>
<p>Le RGAA impose cette mention tant qu'aucun audit en cours de validité n'a mesuré le respect de ses critères : un site ne peut se déclarer « partiellement conforme » qu'après un audit montrant qu'au moins 50 % des critères sont respectés. Le site a pourtant été conçu pour être accessible et il est vérifié en continu :</p>
<ul>
<li>chaque page est contrôlée automatiquement par <strong>axe-core</strong> et par le <strong>validateur Nu du W3C</strong> dans la suite de tests du projet ;</li>
<li>un audit de conformité complet, mené sur un échantillon de pages représentatif, est prévu.</li>
</ul>
<p>Les outils automatiques ne repèrent qu'une partie des défauts d'accessibilité : seul l'audit, qui combine ces outils et des vérifications manuelles, permettra de calculer le taux de conformité.</p>

<h2>Résultats des tests</h2>
<p>Aucun audit RGAA n'a encore été réalisé. Ses résultats (taux de conformité, date, auditeur) seront publiés ici.</p>

<h2>Contenus non accessibles</h2>
<p>Les non-conformités, les dérogations éventuelles et les contenus non soumis à l'obligation d'accessibilité seront listés ici après l'audit, avec les solutions de remplacement proposées.</p>

<h2>Établissement de cette déclaration d'accessibilité</h2>
<p>Cette déclaration a été établie à la mise en ligne de la boutique (date à compléter par l'exploitant). Elle sera mise à jour après l'audit, puis à chaque modification importante du site.</p>
<h3>Technologies utilisées pour la réalisation du site</h3>
<ul>
<li>HTML5</li>
<li>CSS</li>
<li>JavaScript</li>
<li>WAI-ARIA</li>
</ul>
<h3>Environnements de test</h3>
<p>Les vérifications automatiques s'exécutent dans le navigateur Chromium. Les vérifications manuelles de l'audit porteront sur les combinaisons de navigateurs et de technologies d'assistance suivantes :</p>
<ul>
<li>Firefox et le lecteur d'écran NVDA, sous Windows ;</li>
<li>Safari et VoiceOver, sous macOS et iOS ;</li>
<li>Chrome et TalkBack, sous Android ;</li>
<li>navigation au clavier seul et agrandissement du texte jusqu'à 200 %.</li>
</ul>
<h3>Outils pour évaluer l'accessibilité</h3>
<ul>
<li>axe-core</li>
<li>validateur Nu du W3C (Nu Html Checker)</li>
</ul>
<h3>Pages du site prévues pour l'audit</h3>
<ul>
<li>Accueil</li>
<li>Catalogue et résultats de recherche</li>
<li>Fiche produit</li>
<li>Panier et tunnel de commande</li>
<li>Connexion et création de compte</li>
<li>Espace client</li>
<li><a href="/pages/mentions-legales">Mentions légales</a></li>
<li><a href="/pages/accessibilite">Déclaration d'accessibilité</a></li>
</ul>

<h2>Retour d'information et contact</h2>
<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme. Précisez la page concernée et la difficulté rencontrée :</p>
<address>Comptoir SAS (société fictive)<br>12 rue des Artisans<br>69002 Lyon<br>Courriel : contact@comptoir.test</address>

<h2>Voies de recours</h2>
<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services du site et vous n'avez pas obtenu de réponse satisfaisante. Vous pouvez alors :</p>
<ul>
<li>écrire un message au Défenseur des droits avec son <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;</li>
<li>échanger par chat ou par téléphone (39 28) avec les juristes du Défenseur des droits sur <a href="https://www.antidiscriminations.fr">antidiscriminations.fr</a> ;</li>
<li>contacter le délégué du Défenseur des droits dans votre région, dont les coordonnées figurent sur <a href="https://www.defenseurdesdroits.fr">www.defenseurdesdroits.fr</a> ;</li>
<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) à l'adresse suivante :<br>Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07</li>
</ul>
$html$),

-- Livraison et retours -----------------------------------------------------------------------
('livraison', 'Livraison et retours',
 'Modes de livraison de Comptoir (Colissimo à domicile 5,90 €, offert dès 60 € ; point relais 3,90 €, offert dès 45 € ; retrait gratuit à l''atelier de Lyon), délais, suivi de commande et retour d''un article.',
 'PUBLISHED', now(),
$html$<p><strong>Boutique de démonstration :</strong> aucune commande passée sur ce site n'est réellement expédiée. Cette page décrit le service tel qu'il fonctionnerait pour une boutique réelle.</p>

<h2>Modes de livraison</h2>
<p>Comptoir livre en France métropolitaine, à Monaco, en Belgique et au Luxembourg. Les frais de livraison et le délai sont affichés avant la validation de votre commande.</p>
<ul>
<li><strong>Colissimo à domicile</strong> : 5,90 €, <strong>offert dès 60 €</strong> d'achats. Livré chez vous en 2 à 3 jours ouvrés.</li>
<li><strong>Point relais</strong> : 3,90 €, <strong>offert dès 45 €</strong> d'achats. Retrait dans le point relais de votre choix sous 3 à 5 jours ouvrés.</li>
<li><strong>Retrait à l'atelier</strong> : <strong>gratuit</strong>. Votre commande vous attend dès le lendemain au 12 rue des Artisans, 69002 Lyon ; présentez l'e-mail de confirmation de la commande.</li>
</ul>
<p>Les délais sont donnés en jours ouvrés, du lundi au vendredi hors jours fériés, à compter de la confirmation du paiement. Les produits sont emballés à la main et les objets fragiles soigneusement calés pour le transport.</p>

<h2>Suivre votre commande</h2>
<p>Chaque commande porte une référence, par exemple CPT-2026-000042, rappelée dans l'e-mail de confirmation. Vous suivez son état dans votre espace client :</p>
<ol>
<li><strong>En attente de paiement</strong> : la commande est enregistrée, le paiement n'est pas encore confirmé.</li>
<li><strong>Payée</strong> : le paiement est accepté.</li>
<li><strong>En préparation</strong> : l'atelier rassemble et emballe vos produits.</li>
<li><strong>Expédiée</strong> : le colis est confié au transporteur ; un e-mail vous donne le numéro de suivi.</li>
<li><strong>Livrée</strong> : le colis vous a été remis.</li>
</ol>
<p>Une commande peut aussi être <strong>annulée</strong> ou <strong>remboursée</strong> ; vous en êtes prévenu par e-mail.</p>
<p>À la réception, vérifiez l'état du colis. S'il est abîmé, vous pouvez le refuser ou l'accepter en notant des réserves précises auprès du transporteur, puis prévenez-nous. Dans tous les cas, un produit arrivé endommagé ou différent de votre commande est remplacé ou remboursé sans frais.</p>

<h2>Retourner un article</h2>
<p>Vous disposez de <strong>quatorze jours</strong> après la réception de votre commande pour changer d'avis, sans avoir à vous justifier. Sont exclus les denrées périssables et les produits alimentaires ouverts ; les produits d'épicerie restés fermés et les objets pour la maison peuvent être retournés. Le détail figure à l'article 7 des <a href="/pages/cgv">conditions générales de vente</a>.</p>
<ol>
<li>Écrivez à contact@comptoir.test en indiquant la référence de la commande et les articles à retourner, ou envoyez le formulaire de rétractation des CGV.</li>
<li>Dans les quatorze jours qui suivent, envoyez les articles, bien protégés, à Comptoir SAS, 12 rue des Artisans, 69002 Lyon, ou rapportez-les gratuitement à l'atelier. Les frais d'envoi d'un retour restent à votre charge, sauf si l'article est défectueux ou ne correspond pas à votre commande.</li>
<li>Nous vous remboursons, frais de livraison initiaux compris, dans les quatorze jours suivant votre demande, sur la carte utilisée pour la commande. Le remboursement peut attendre la réception des articles ou la preuve de leur envoi.</li>
</ol>
<p>Un article défectueux reste couvert par la garantie légale de conformité pendant deux ans après la livraison : voir l'article 9 des <a href="/pages/cgv">conditions générales de vente</a>.</p>
$html$),

-- À propos -----------------------------------------------------------------------------------
('a-propos', 'À propos',
 'Comptoir, un comptoir lyonnais qui vend les produits de petits producteurs et d''artisans français, est aussi l''implémentation de référence du titre professionnel Développeur web et web mobile (DWWM).',
 'PUBLISHED', now(),
$html$<h2>Notre histoire</h2>
<p>Comptoir est né d'un comptoir de quartier, à Lyon, où l'on trouvait ce que de petits producteurs et des artisans de toutes les régions de France font de mieux : confitures cuites au chaudron, miels de récoltants, huiles pressées au moulin, biscuits de tradition, thés et cafés torréfiés en petits lots, mais aussi bols en grès, linge de maison tissé en France, savons et bougies coulés à la main.</p>
<p>Nous choisissons chaque produit chez celles et ceux qui le fabriquent, en petite quantité, et nous racontons sur chaque fiche d'où il vient et comment il est fait. La boutique en ligne prolonge le comptoir : vous pouvez vous faire livrer à domicile ou en point relais, ou venir retirer votre commande à l'atelier, au 12 rue des Artisans.</p>
<p>Comptoir SAS est une société fictive : les producteurs, les produits et les commandes de cette boutique n'existent pas, et aucune vente réelle n'y a lieu.</p>

<h2>Une boutique de démonstration pour le titre DWWM</h2>
<p>Comptoir est l'implémentation de référence du titre professionnel <strong>Développeur web et web mobile (DWWM)</strong>. Les stagiaires l'étudient comme un exemple complet, les formateurs s'en servent pour illustrer le référentiel et les jurys peuvent y comparer les projets des candidats. Chaque compétence du titre y correspond à une partie du code, de ses tests et de sa documentation. Le code source, la documentation et la carte des compétences sont fournis avec le projet : commencez par son fichier README.</p>
$html$);

-- First revision of every page, identical to the published content.
INSERT INTO cms_page_revision (page_id, revision, title, content_html, meta_description)
SELECT id, 1, title, content_html, meta_description
FROM cms_page
WHERE slug IN ('mentions-legales', 'cgv', 'confidentialite', 'cookies', 'accessibilite', 'livraison', 'a-propos');

-- Footer menu. The accessibility label states the compliance status, as the RGAA requires
-- on every page; it must change together with the statement.
INSERT INTO menu_item (menu_code, label, page_id, position) VALUES
    ('FOOTER', 'Mentions légales', (SELECT id FROM cms_page WHERE slug = 'mentions-legales'), 1),
    ('FOOTER', 'CGV', (SELECT id FROM cms_page WHERE slug = 'cgv'), 2),
    ('FOOTER', 'Confidentialité', (SELECT id FROM cms_page WHERE slug = 'confidentialite'), 3),
    ('FOOTER', 'Cookies', (SELECT id FROM cms_page WHERE slug = 'cookies'), 4),
    ('FOOTER', 'Accessibilité : non conforme', (SELECT id FROM cms_page WHERE slug = 'accessibilite'), 5),
    ('FOOTER', 'Livraison et retours', (SELECT id FROM cms_page WHERE slug = 'livraison'), 6),
    ('FOOTER', 'À propos', (SELECT id FROM cms_page WHERE slug = 'a-propos'), 7);
