/*
 * libgstrespike: the loader plugin that brings the ReSpike Java elements into the stock GStreamer tools
 * (gst-launch-1.0, gst-inspect-1.0, any C application).
 *
 *   GST_PLUGIN_PATH=plugin/target/gst gst-launch-1.0 videotestsrc num-buffers=50 ! respikeinfer ! fakesink
 *
 * The plugin holds no element of its own: it finds or starts a Java VM in this process and calls
 * org.respike.plugin.RespikePlugin.registerNative(GstPlugin*), which registers every Java element definition
 * found by ServiceLoader against this plugin.
 *
 * Environment:
 *   RESPIKE_CLASSPATH  class path entries put before those of respike.classpath (the file next to this .so)
 *   RESPIKE_JVM_OPTS   extra JVM options, shell-quoted (only when this plugin starts the JVM)
 *   RESPIKE_LIBJVM     path of libjvm.so; else $JAVA_HOME/lib/server/libjvm.so, else the Debian default
 *
 * Signals: HotSpot relies on its SIGSEGV handler (implicit null checks, safepoint polls). GStreamer wraps
 * plugin_init in its own SIGSEGV trap and afterwards restores the handler that was installed before, which
 * would throw the JVM's handler away if the JVM were created inside plugin_init. So the JVM is created in
 * the get_desc entry point, which GStreamer calls before it installs the trap; plugin_init then puts the
 * JVM's handler back while Java runs and turns GStreamer's segtrap off for later plugin loads.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#define ENTRY_CLASS "org/respike/plugin/RespikePlugin"
#define ENTRY_METHOD "registerNative"
#define CLASSPATH_FILE "respike.classpath"
#define DEFAULT_LIBJVM "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so"

GST_DEBUG_CATEGORY_STATIC (respike_loader_debug);
#define GST_CAT_DEFAULT respike_loader_debug

typedef jint (*CreateJavaVMFunc) (JavaVM **, void **, void *);
typedef jint (*GetCreatedJavaVMsFunc) (JavaVM **, jsize, jsize *);

static JavaVM *jvm;
static gboolean created_here;   /* this loader started the JVM: the host is a C program */
static gchar *jvm_failure;      /* why there is no JVM, for plugin_init to report */
static struct sigaction jvm_segv_action;
static GOnce jvm_once = G_ONCE_INIT;

/* The directory of this .so, where respike.classpath lives. */
static gchar *
plugin_dir (void)
{
  Dl_info info;
  if (dladdr ((void *) &plugin_dir, &info) == 0 || info.dli_fname == NULL)
    return g_strdup (".");
  return g_path_get_dirname (info.dli_fname);
}

/* RESPIKE_CLASSPATH, then the entries of respike.classpath next to the .so. */
static gchar *
class_path (void)
{
  gchar *dir = plugin_dir ();
  gchar *file = g_build_filename (dir, CLASSPATH_FILE, NULL);
  gchar *contents = NULL;
  const gchar *env = g_getenv ("RESPIKE_CLASSPATH");
  GString *cp = g_string_new (NULL);

  if (env != NULL && *env != '\0')
    g_string_append (cp, env);
  if (g_file_get_contents (file, &contents, NULL, NULL)) {
    g_strstrip (contents);
    if (*contents != '\0') {
      if (cp->len > 0)
        g_string_append_c (cp, ':');
      g_string_append (cp, contents);
    }
  } else {
    GST_WARNING ("no class path file %s", file);
  }
  g_free (contents);
  g_free (file);
  g_free (dir);
  return g_string_free (cp, FALSE);
}

/* The registry caches our features; make GStreamer rescan this plugin (and so find new Java elements)
 * when RESPIKE_CLASSPATH, respike.classpath, a jar directory or a class directory on it changes. */
static void
add_dependencies (GstPlugin * plugin, const gchar * dir)
{
  gchar *cp = class_path ();
  gchar **entries = g_strsplit (cp, ":", -1);
  GString *jar_dirs = g_string_new (NULL), *class_dirs = g_string_new (NULL);
  gchar **e;

  gst_plugin_add_dependency_simple (plugin, "RESPIKE_CLASSPATH", NULL, NULL,
      GST_PLUGIN_DEPENDENCY_FLAG_RECURSE);
  /* What starts the JVM: a start that failed because of one of these is retried once it changes. */
  gst_plugin_add_dependency_simple (plugin, "RESPIKE_JVM_OPTS:RESPIKE_LIBJVM:JAVA_HOME", NULL, NULL,
      GST_PLUGIN_DEPENDENCY_FLAG_NONE);
  gst_plugin_add_dependency_simple (plugin, NULL, dir, CLASSPATH_FILE,
      GST_PLUGIN_DEPENDENCY_FLAG_NONE);
  for (e = entries; *e != NULL; e++) {
    if (**e == '\0')
      continue;
    if (g_str_has_suffix (*e, ".jar")) {
      gchar *d = g_path_get_dirname (*e);
      if (strstr (jar_dirs->str, d) == NULL)
        g_string_append_printf (jar_dirs, "%s%s", jar_dirs->len ? ":" : "", d);
      g_free (d);
    } else {
      g_string_append_printf (class_dirs, "%s%s", class_dirs->len ? ":" : "", *e);
    }
  }
  if (jar_dirs->len > 0)
    gst_plugin_add_dependency_simple (plugin, NULL, jar_dirs->str, ".jar",
        GST_PLUGIN_DEPENDENCY_FLAG_FILE_NAME_IS_SUFFIX);
  if (class_dirs->len > 0)
    gst_plugin_add_dependency_simple (plugin, NULL, class_dirs->str, NULL,
        GST_PLUGIN_DEPENDENCY_FLAG_RECURSE);
  g_string_free (jar_dirs, TRUE);
  g_string_free (class_dirs, TRUE);
  g_strfreev (entries);
  g_free (cp);
}

static void *
open_libjvm (gchar ** tried)
{
  const gchar *explicit = g_getenv ("RESPIKE_LIBJVM");
  const gchar *java_home = g_getenv ("JAVA_HOME");
  gchar *candidates[3] = { NULL, NULL, NULL };
  void *handle = NULL;
  GString *log = g_string_new (NULL);
  int i;

  if (explicit != NULL && *explicit != '\0')
    candidates[0] = g_strdup (explicit);
  else if (java_home != NULL && *java_home != '\0')
    candidates[0] = g_build_filename (java_home, "lib", "server", "libjvm.so", NULL);
  candidates[1] = g_strdup (DEFAULT_LIBJVM);

  for (i = 0; i < 2 && handle == NULL; i++) {
    if (candidates[i] == NULL)
      continue;
    handle = dlopen (candidates[i], RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL)
      g_string_append_printf (log, "%s%s", log->len ? "; " : "", dlerror ());
    else
      GST_INFO ("loaded %s", candidates[i]);
  }
  for (i = 0; i < 2; i++)
    g_free (candidates[i]);
  *tried = g_string_free (log, FALSE);
  return handle;
}

typedef struct
{
  CreateJavaVMFunc create;
  JavaVMInitArgs args;
  jint result;
} CreateRequest;

/* HotSpot ends the whole process when its initialisation fails (heap not reservable under ulimit -v, no
 * memory for a thread): it calls the "abort" hook, then exit(1). Inside gst-plugin-scanner that would get
 * the plugin blacklisted, in gst-launch it would kill the host. The hooks jump back to the creating
 * thread instead, which reports the failure like any other; the half-made JVM is never touched again. */
static sigjmp_buf create_failed;
static volatile jint create_exit_code;

static void
jvm_abort_hook (void)
{
  siglongjmp (create_failed, 1);
}

static void
jvm_exit_hook (jint code)
{
  create_exit_code = code;
  siglongjmp (create_failed, 1);
}

/* HotSpot prefers not to be created on the primordial thread: create it on a thread of its own. */
static void *
create_on_thread (void *data)
{
  CreateRequest *req = data;
  JNIEnv *env = NULL;

  if (sigsetjmp (create_failed, 1) != 0) {
    jvm = NULL;
    req->result = JNI_ERR;
    return NULL;
  }
  req->result = req->create (&jvm, (void **) &env, &req->args);
  if (req->result == JNI_OK)
    (*jvm)->DetachCurrentThread (jvm);
  return NULL;
}

static gboolean
create_jvm (void)
{
  gchar *tried = NULL;
  void *libjvm = open_libjvm (&tried);
  CreateRequest req;
  gchar *cp, **user_opts = NULL;
  GPtrArray *opts;
  GError *err = NULL;
  const gchar *env_opts = g_getenv ("RESPIKE_JVM_OPTS");
  pthread_t thread;
  pthread_attr_t attr;
  guint i;

  if (libjvm == NULL) {
    jvm_failure = g_strdup_printf ("cannot load libjvm.so (%s); set JAVA_HOME or RESPIKE_LIBJVM", tried);
    g_free (tried);
    return FALSE;
  }
  g_free (tried);
  memset (&req, 0, sizeof (req));
  req.create = (CreateJavaVMFunc) dlsym (libjvm, "JNI_CreateJavaVM");
  if (req.create == NULL) {
    jvm_failure = g_strdup ("libjvm.so has no JNI_CreateJavaVM");
    return FALSE;
  }

  opts = g_ptr_array_new_with_free_func (g_free);
  cp = class_path ();
  g_ptr_array_add (opts, g_strconcat ("-Djava.class.path=", cp, NULL));
  g_free (cp);
  /* The host application owns SIGINT/SIGTERM/SIGHUP/SIGQUIT (gst-launch -e needs its Ctrl-C). */
  g_ptr_array_add (opts, g_strdup ("-Xrs"));
  /* The Java side then shares stdout with the host line by line (MainThreadStdout). */
  g_ptr_array_add (opts, g_strdup ("-Drespike.host=c"));
  if (env_opts != NULL && *env_opts != '\0') {
    gint argc = 0;
    if (g_shell_parse_argv (env_opts, &argc, &user_opts, &err)) {
      for (i = 0; i < (guint) argc; i++)
        g_ptr_array_add (opts, g_strdup (user_opts[i]));
      g_strfreev (user_opts);
    } else {
      GST_WARNING ("ignoring RESPIKE_JVM_OPTS: %s", err->message);
      g_clear_error (&err);
    }
  }

  g_ptr_array_add (opts, g_strdup ("abort"));
  g_ptr_array_add (opts, g_strdup ("exit"));

  req.args.version = JNI_VERSION_1_8;
  req.args.nOptions = opts->len;
  req.args.options = g_new0 (JavaVMOption, opts->len);
  req.args.ignoreUnrecognized = JNI_FALSE;
  for (i = 0; i < opts->len; i++) {
    req.args.options[i].optionString = g_ptr_array_index (opts, i);
    if (i == opts->len - 2)
      req.args.options[i].extraInfo = (void *) jvm_abort_hook;
    else if (i == opts->len - 1)
      req.args.options[i].extraInfo = (void *) jvm_exit_hook;
    GST_DEBUG ("JVM option %s", req.args.options[i].optionString);
  }

  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 8 * 1024 * 1024);
  if (pthread_create (&thread, &attr, create_on_thread, &req) == 0)
    pthread_join (thread, NULL);
  else
    req.result = JNI_ERR;
  pthread_attr_destroy (&attr);

  g_free (req.args.options);
  g_ptr_array_unref (opts);
  if (req.result != JNI_OK) {
    jvm = NULL;
    jvm_failure = g_strdup_printf ("JNI_CreateJavaVM failed (%d%s); check RESPIKE_JVM_OPTS and the memory "
        "limits (ulimit -v)", (int) req.result, create_exit_code != 0 ? ", the JVM asked to exit" : "");
    return FALSE;
  }
  GST_INFO ("created a Java VM");
  created_here = TRUE;
  return TRUE;
}

/* Ctrl-C during start-up. gst-launch-1.0 installs its SIGINT handler (EOS with -e) only once the pipeline
 * reached PAUSED, and respikeinfer loads its model inside that state change (a second or more): a SIGINT
 * then killed the tool without EOS (a truncated MP4) or, when inherited as ignored (a background job), was
 * lost while a live pipeline ran on. So while the host has no SIGINT handler of its own, the loader keeps
 * one that only records the signal; a watcher thread hands it on as soon as the host installs its handler,
 * or, if none comes within SIGINT_HANDOVER_SECONDS, restores the original disposition and re-raises it. */
#define SIGINT_HANDOVER_SECONDS 10
#define SIGINT_SETTLE_US 1000000

static struct sigaction sigint_original;
static sem_t sigint_caught;

static void
sigint_catcher (int signo)
{
  (void) signo;
  sem_post (&sigint_caught);
}

static void *
sigint_watcher (void *unused)
{
  struct sigaction now;
  int waited_ms;

  while (sem_wait (&sigint_caught) != 0)
    ;
  for (waited_ms = 0; waited_ms < SIGINT_HANDOVER_SECONDS * 1000; waited_ms += 10) {
    sigaction (SIGINT, NULL, &now);
    if (now.sa_handler != sigint_catcher) {
      /* gst-launch installs its handler as it sets the pipeline to PLAYING, and an EOS sent to a live
       * source during that change can deadlock in basesrc: let the change settle first. */
      g_usleep (SIGINT_SETTLE_US);
      kill (getpid (), SIGINT);       /* the host's handler takes it from here */
      return NULL;
    }
    g_usleep (10000);
  }
  sigaction (SIGINT, &sigint_original, NULL);
  if (sigint_original.sa_handler == SIG_DFL)
    kill (getpid (), SIGINT);
  return NULL;
}

static void
hold_early_sigint (void)
{
  struct sigaction catcher;
  pthread_t watcher;

  sigaction (SIGINT, NULL, &sigint_original);
  if (sigint_original.sa_handler != SIG_DFL && sigint_original.sa_handler != SIG_IGN)
    return;                     /* the host handles SIGINT already */
  if (sem_init (&sigint_caught, 0, 0) != 0
      || pthread_create (&watcher, NULL, sigint_watcher, NULL) != 0)
    return;
  pthread_detach (watcher);
  memset (&catcher, 0, sizeof (catcher));
  catcher.sa_handler = sigint_catcher;
  sigemptyset (&catcher.sa_mask);
  catcher.sa_flags = SA_RESTART;
  sigaction (SIGINT, &catcher, NULL);
}

/* Finds the JVM of this process (a Java application that loaded GStreamer) or creates one. */
static gpointer
ensure_jvm (gpointer unused)
{
  GetCreatedJavaVMsFunc created =
      (GetCreatedJavaVMsFunc) dlsym (RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
  jsize n = 0;

  GST_DEBUG_CATEGORY_INIT (respike_loader_debug, "respikeloader", 0, "ReSpike Java loader plugin");
  if (created != NULL && created (&jvm, 1, &n) == JNI_OK && n > 0) {
    GST_INFO ("attaching to the Java VM of this process");
  } else {
    jvm = NULL;
    hold_early_sigint ();
    create_jvm ();
  }
  /* Whichever JVM we have, its SIGSEGV handler is the one installed now. */
  if (jvm != NULL)
    sigaction (SIGSEGV, NULL, &jvm_segv_action);
  return NULL;
}

/* After a failed start (no JVM, or no element registered) the registry must not keep the empty entry:
 * the cause may be gone by the next run (a low ulimit -v, a full disk, a JVM option) without any declared
 * dependency changing. GStreamer hashes a dependency's files when it is added, so a dependency on a file
 * that exists now and is deleted at once differs at the next start and forces a rescan, every run until
 * one succeeds. */
static void
rescan_next_time (GstPlugin * plugin)
{
  gchar *path = NULL;
  gint fd = g_file_open_tmp ("respike-failed-XXXXXX", &path, NULL);
  if (fd < 0) {
    GST_WARNING ("cannot create a temporary file; the registry may keep this failure");
    return;
  }
  close (fd);
  gchar *dir = g_path_get_dirname (path);
  gchar *name = g_path_get_basename (path);
  gst_plugin_add_dependency_simple (plugin, NULL, dir, name, GST_PLUGIN_DEPENDENCY_FLAG_NONE);
  g_unlink (path);
  g_free (name);
  g_free (dir);
  g_free (path);
}

/* exit() runs no JVM shutdown hook in a C host: hand the Java side its last chance to write the stdout
 * lines it still holds (MainThreadStdout). */
static void
flush_java_at_exit (void)
{
  JNIEnv *env = NULL;
  jclass entry;
  jmethodID method;

  if (jvm == NULL || (*jvm)->GetEnv (jvm, (void **) &env, JNI_VERSION_1_8) != JNI_OK)
    return;
  entry = (*env)->FindClass (env, ENTRY_CLASS);
  if (entry != NULL && (method = (*env)->GetStaticMethodID (env, entry, "exitingNative", "()V")) != NULL)
    (*env)->CallStaticVoidMethod (env, entry, method);
  if ((*env)->ExceptionCheck (env))
    (*env)->ExceptionClear (env);
}

/* Returns TRUE even when the Java side fails: a plugin whose init fails is blacklisted until its .so
 * changes, while a plugin with no features keeps its dependencies and is rescanned once the class path
 * is fixed. The failure is printed. */
static gboolean
plugin_init (GstPlugin * plugin)
{
  gchar *dir = plugin_dir ();
  JNIEnv *env = NULL;
  jclass entry;
  jmethodID method = NULL;
  jboolean ok = JNI_FALSE;

  add_dependencies (plugin, dir);
  g_free (dir);

  g_once (&jvm_once, ensure_jvm, NULL);
  if (jvm == NULL) {
    g_printerr ("respike: no Java VM: %s\n", jvm_failure);
    rescan_next_time (plugin);
    return TRUE;
  }

  /* GStreamer's plugin-loading trap is installed now: give SIGSEGV back to the JVM before Java runs,
   * and keep GStreamer from trapping it around later plugin loads. */
  sigaction (SIGSEGV, &jvm_segv_action, NULL);
  gst_segtrap_set_enabled (FALSE);

  if ((*jvm)->GetEnv (jvm, (void **) &env, JNI_VERSION_1_8) == JNI_EDETACHED &&
      (*jvm)->AttachCurrentThreadAsDaemon (jvm, (void **) &env, NULL) != JNI_OK) {
    g_printerr ("respike: cannot attach this thread to the Java VM\n");
    rescan_next_time (plugin);
    return TRUE;
  }

  entry = (*env)->FindClass (env, ENTRY_CLASS);
  if (entry != NULL)
    method = (*env)->GetStaticMethodID (env, entry, ENTRY_METHOD, "(J)Z");
  if (entry != NULL && method != NULL)
    ok = (*env)->CallStaticBooleanMethod (env, entry, method, (jlong) (intptr_t) plugin);
  if ((*env)->ExceptionCheck (env)) {
    (*env)->ExceptionDescribe (env);
    (*env)->ExceptionClear (env);
    ok = JNI_FALSE;
  }
  if (entry != NULL)
    (*env)->DeleteLocalRef (env, entry);
  if (ok && created_here)
    atexit (flush_java_at_exit);
  if (!ok) {
    g_printerr ("respike: no Java elements registered (class path: respike.classpath next to the plugin, "
        "RESPIKE_CLASSPATH)\n");
    rescan_next_time (plugin);
  }
  return TRUE;
}

static const GstPluginDesc respike_plugin_desc = {
  GST_VERSION_MAJOR, GST_VERSION_MINOR,
  "respike",
  "ReSpike hybrid ANN+SNN action recognition: Java elements loaded into a JVM",
  plugin_init,
  "0.1.0",
  "LGPL",
  "respike",
  "respike",
  "Unknown package origin",
  NULL,
  GST_PADDING_INIT
};

/* Called by GStreamer (gst_plugin_load_file) before it traps SIGSEGV around plugin_init: the JVM is
 * started here so that its signal handlers are the ones GStreamer saves and restores. */
GST_PLUGIN_EXPORT const GstPluginDesc *gst_plugin_respike_get_desc (void);

const GstPluginDesc *
gst_plugin_respike_get_desc (void)
{
  g_once (&jvm_once, ensure_jvm, NULL);
  return &respike_plugin_desc;
}
