/** The app's name and version, from package.json (bundled into main; read directly under Node). */
import pkg from '../../package.json';

export const APP_NAME = pkg.productName;
export const APP_VERSION = pkg.version;
