/*
 * Kubelike's pause program: the first process of every pod sandbox. It only holds the pod's
 * namespaces open, so it must cost nothing while idle, reap the orphans it inherits when it is
 * PID 1 of a shared PID namespace, and leave at once, with exit code 0, on SIGTERM or SIGINT
 * (a process that is PID 1 of its namespace gets no default action for those signals).
 * Built statically by hack/build-images.sh into the kubelike.local/pause image.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_stop(int signo)
{
    (void)signo;
    _exit(0);
}

static void on_child(int signo)
{
    (void)signo;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        puts("kubelike-pause 1");
        return 0;
    }

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_stop;
    if (sigaction(SIGTERM, &action, NULL) != 0 || sigaction(SIGINT, &action, NULL) != 0) {
        perror("pause: sigaction");
        return 1;
    }
    action.sa_handler = on_child;
    action.sa_flags = SA_NOCLDSTOP | SA_RESTART;
    if (sigaction(SIGCHLD, &action, NULL) != 0) {
        perror("pause: sigaction");
        return 1;
    }

    for (;;) {
        pause();
    }
}
