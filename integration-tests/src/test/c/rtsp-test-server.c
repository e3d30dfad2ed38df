/* A loopback RTSP server for the tests: serves one launch line at rtsp://127.0.0.1:PORT/test until
 * killed. Tests kill and restart it to check that clients reconnect.
 * usage: rtsp-test-server PORT "( videotestsrc is-live=true ! x264enc tune=zerolatency ! rtph264pay name=pay0 pt=96 )"
 */
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>
#include <stdio.h>

int main(int argc, char *argv[]) {
  gst_init(&argc, &argv);
  if (argc != 3) {
    g_printerr("usage: %s PORT LAUNCH\n", argv[0]);
    return 2;
  }
  GMainLoop *loop = g_main_loop_new(NULL, FALSE);
  GstRTSPServer *server = gst_rtsp_server_new();
  g_object_set(server, "address", "127.0.0.1", "service", argv[1], NULL);
  GstRTSPMediaFactory *factory = gst_rtsp_media_factory_new();
  gst_rtsp_media_factory_set_launch(factory, argv[2]);
  /* One pipeline for all clients, so a reconnecting client sees the stream where it is now. */
  gst_rtsp_media_factory_set_shared(factory, TRUE);
  gst_rtsp_mount_points_add_factory(gst_rtsp_server_get_mount_points(server), "/test", factory);
  if (gst_rtsp_server_attach(server, NULL) == 0) {
    g_printerr("cannot listen on 127.0.0.1:%s\n", argv[1]);
    return 1;
  }
  printf("ready rtsp://127.0.0.1:%s/test\n", argv[1]);
  fflush(stdout);
  g_main_loop_run(loop);
  return 0;
}
