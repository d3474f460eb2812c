<?php
// The configuration of the throw-away WordPress site the real-WordPress tests start: its
// database and address come from the environment the test sets.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:' . getenv('BRAIN_WP_DB_PORT'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', getenv('BRAIN_WP_URL'));
define('WP_SITEURL', getenv('BRAIN_WP_URL'));
// Application passwords need HTTPS unless the site says it runs locally, as this one does.
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', getenv('BRAIN_WP_SALT'));
define('SECURE_AUTH_KEY', getenv('BRAIN_WP_SALT'));
define('LOGGED_IN_KEY', getenv('BRAIN_WP_SALT'));
define('NONCE_KEY', getenv('BRAIN_WP_SALT'));
define('AUTH_SALT', getenv('BRAIN_WP_SALT'));
define('SECURE_AUTH_SALT', getenv('BRAIN_WP_SALT'));
define('LOGGED_IN_SALT', getenv('BRAIN_WP_SALT'));
define('NONCE_SALT', getenv('BRAIN_WP_SALT'));
$table_prefix = 'wp_';
if (!defined('ABSPATH')) {
	define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
