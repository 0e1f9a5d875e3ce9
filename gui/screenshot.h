/*
 * screenshot.h — render a widget (normally the whole window) to a PNG.
 *
 * The path GTK itself documents for tests: the widget's GtkWidgetPaintable
 * is snapshotted into a render node, the window's own GskRenderer turns the
 * node into a texture, and gdk_texture_save_to_png writes it. Nothing is
 * read back from the X server, so it works the same under Xvfb.
 */
#ifndef TRAPEZE_GUI_SCREENSHOT_H
#define TRAPEZE_GUI_SCREENSHOT_H

#include <gtk/gtk.h>

/* The widget must be realized (on screen). FALSE with error on failure. */
gboolean trapeze_screenshot_save(GtkWidget *widget, const char *path, GError **error);

#endif
