// Views speak in the theme's roles and styles; re-export them so every view file has them.
@_exported import Theming
