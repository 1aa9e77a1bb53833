-- The accessibility statement after the shop's first RGAA 4.1.2 audit (issue 30,
-- docs/accessibilite/): « partiellement conforme » with the rate the audit computed, the
-- non-conformity left, the sample and the audit's limits. The page keeps its history: the
-- new text is its next revision. The footer's label states the same status, as the RGAA
-- requires on every page. An operator who already rewrote the statement keeps theirs: only
-- the text shipped by V10 (revision 1, unchanged) is replaced.
UPDATE cms_page
SET meta_description = 'Déclaration d''accessibilité de Comptoir selon le RGAA 4.1.2 : partiellement conforme (taux de conformité de 98,63 %), non-conformité restante, échantillon audité, limites de l''audit, signalement d''un problème et voies de recours.',
    version = version + 1,
    content_html = $html$<p>Comptoir SAS (société fictive) s'engage à rendre son site internet accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005 pour l'égalité des droits et des chances, la participation et la citoyenneté des personnes handicapées. Les services de commerce en ligne, hors microentreprises, sont aussi soumis depuis le 28 juin 2025 aux exigences d'accessibilité issues de la directive (UE) 2019/882.</p>
<p>Cette déclaration d'accessibilité s'applique à la boutique en ligne Comptoir (adresse du site à compléter par l'exploitant).</p>

<h2>État de conformité</h2>
<p>La boutique Comptoir est <strong>partiellement conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.2, en raison de la non-conformité énumérée ci-dessous.</p>

<h2>Résultats des tests</h2>
<p>L'audit de conformité réalisé le 5 décembre 2026 par l'équipe de développement de Comptoir (audit interne) révèle que <strong>98,63 %</strong> des critères du RGAA version 4.1.2 sont respectés : 72 critères conformes, 1 critère non conforme, 33 critères non applicables sur l'échantillon.</p>
<p>Limites de cet audit : il a été mené par la lecture du code et par des vérifications automatiques exécutées à chaque modification du site (axe-core, validateur Nu du W3C, et des contrôles propres : focus visible et ordre au clavier, absence de piège au clavier, affichage à 320 pixels de large et à 200 % de zoom, espacement du texte, navigation cohérente, messages de statut). Les tests avec des lecteurs d'écran (NVDA, VoiceOver, TalkBack) restent à faire : le taux sera confirmé ou corrigé après eux.</p>

<h2>Contenus non accessibles</h2>
<h3>Non-conformité</h3>
<ul>
<li>Critère 13.1 (limites de temps) : une session se termine sans avertissement ni moyen de la prolonger, après 30 minutes d'inactivité pour un client et 5 minutes pour le personnel, et au plus tard après 8 heures (client) ou 4 heures (personnel) ; le panier d'un visiteur non connecté est perdu avec elle. Un avertissement avant l'expiration, avec un bouton pour prolonger la session, est prévu. En attendant, créer un compte et s'y connecter garde le panier.</li>
</ul>
<h3>Dérogations pour charge disproportionnée</h3>
<p>Aucune.</p>
<h3>Contenus non soumis à l'obligation d'accessibilité</h3>
<p>Aucun.</p>

<h2>Établissement de cette déclaration d'accessibilité</h2>
<p>Cette déclaration a été établie le 5 décembre 2026 (date de mise en ligne à compléter par l'exploitant). Elle sera mise à jour après les tests avec des lecteurs d'écran, puis à chaque modification importante du site.</p>
<h3>Technologies utilisées pour la réalisation du site</h3>
<ul>
<li>HTML5</li>
<li>CSS</li>
<li>JavaScript</li>
<li>WAI-ARIA</li>
</ul>
<h3>Environnements de test</h3>
<p>Les vérifications automatiques s'exécutent dans le navigateur Chromium, sur un écran d'ordinateur (1280 pixels) et de téléphone (375 et 320 pixels). Les vérifications avec des technologies d'assistance porteront sur :</p>
<ul>
<li>Firefox et le lecteur d'écran NVDA, sous Windows ;</li>
<li>Safari et VoiceOver, sous macOS et iOS ;</li>
<li>Chrome et TalkBack, sous Android.</li>
</ul>
<h3>Outils pour évaluer l'accessibilité</h3>
<ul>
<li>axe-core</li>
<li>validateur Nu du W3C (Nu Html Checker)</li>
<li>contrôles automatisés propres au projet, dans un navigateur Chromium piloté par Selenium</li>
</ul>
<h3>Pages du site ayant fait l'objet de la vérification de conformité</h3>
<ul>
<li><a href="/">Accueil</a></li>
<li><a href="/products">Catalogue</a></li>
<li>Fiche produit</li>
<li>Résultats de recherche</li>
<li>Panier</li>
<li>Commande</li>
<li><a href="/login">Connexion</a></li>
<li>Espace client</li>
<li><a href="/pages/livraison">Livraison et retours</a> (page de contenu)</li>
<li><a href="/contact">Contact</a></li>
<li>Page hors connexion de l'application installée</li>
<li>Back-office : tableau de bord et fiche produit</li>
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
$html$
WHERE slug = 'accessibilite'
  AND NOT EXISTS (SELECT 1 FROM cms_page_revision r
                  WHERE r.page_id = cms_page.id AND r.revision > 1);

INSERT INTO cms_page_revision (page_id, revision, title, content_html, meta_description)
SELECT p.id, 2, p.title, p.content_html, p.meta_description
FROM cms_page p
WHERE p.slug = 'accessibilite' AND p.version > 0
  AND NOT EXISTS (SELECT 1 FROM cms_page_revision r WHERE r.page_id = p.id AND r.revision > 1);

UPDATE menu_item SET label = 'Accessibilité : partiellement conforme'
WHERE menu_code = 'FOOTER' AND label = 'Accessibilité : non conforme';
