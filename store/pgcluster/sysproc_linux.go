package pgcluster

import "syscall"

// sysProcAttr runs the server as cred, in its own process group so a Ctrl-C
// at the terminal reaches only our process (which then stops the server in
// order), and has the kernel send it SIGINT, a fast shutdown, if our process
// dies without stopping it.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGINT}
}
