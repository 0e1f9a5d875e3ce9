/*
 * screenshot.c — widget → paintable → snapshot → texture → PNG.
 */
#define G_LOG_DOMAIN "trapeze-screenshot"

#include "screenshot.h"

gboolean trapeze_screenshot_save(GtkWidget *widget, const char *path, GError **error)
{
    int w = gtk_widget_get_width(widget), h = gtk_widget_get_height(widget);
    GtkNative *native = gtk_widget_get_native(widget);
    GskRenderer *renderer = native ? gtk_native_get_renderer(native) : NULL;
    if (w <= 0 || h <= 0 || !renderer) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "%s: the window is not on screen yet, nothing to render", path);
        return FALSE;
    }
    GdkPaintable *paintable = gtk_widget_paintable_new(widget);
    GtkSnapshot *snapshot = gtk_snapshot_new();
    gdk_paintable_snapshot(paintable, GDK_SNAPSHOT(snapshot), w, h);
    GskRenderNode *node = gtk_snapshot_free_to_node(snapshot);
    g_object_unref(paintable);
    if (!node) {
        /* G_IO_ERROR_PENDING: nothing drawn *yet* (e.g. a frame right after
         * a resize); the caller may try again on a later frame. */
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_PENDING, "%s: the window drew nothing", path);
        return FALSE;
    }
    GdkTexture *texture = gsk_renderer_render_texture(renderer, node, &GRAPHENE_RECT_INIT(0, 0, (float)w, (float)h));
    gsk_render_node_unref(node);
    gboolean ok = texture && gdk_texture_save_to_png(texture, path);
    if (texture)
        g_object_unref(texture);
    if (!ok)
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write the PNG", path);
    return ok;
}
