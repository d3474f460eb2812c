<?php
// Installs the throw-away site and creates an application password through WordPress itself;
// prints the password on the last line.
$_SERVER['HTTP_HOST'] = parse_url(getenv('BRAIN_WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('BRAIN_WP_URL'), PHP_URL_PORT);
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Brain test site', 'editor', 'editor@example.com', true, '', wp_generate_password(24));
update_option('permalink_structure', '/%postname%/');
// The site's zone: WordPress reads times given without an offset in it.
update_option('timezone_string', getenv('BRAIN_WP_TIMEZONE'));
global $wp_rewrite;
$wp_rewrite->init();
$wp_rewrite->flush_rules(false);
$user = get_user_by('login', 'editor');
$created = WP_Application_Passwords::create_new_application_password($user->ID, array('name' => 'Brain'));
if (is_wp_error($created)) {
	fwrite(STDERR, $created->get_error_message() . "\n");
	exit(1);
}
echo "\n" . $created[0] . "\n";
