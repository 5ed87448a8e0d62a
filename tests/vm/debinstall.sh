#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages installed for real: the .debs of build/deb
# (scripts/build-debs, make debs) go into a clean bookworm root
# (build/bookworm-root, made by scripts/install-deps with debootstrap:
# ppp, dkms, gcc and the headers of the VM's kernel, so nothing needs the
# network).  Installed on the host side, as the VM has no network and TCG
# is slow: scripts/build-debs runs dpkg -i there, in an overlay whose
# upper layer is build/deb/installed, and dkms builds and installs
# rasdial.ko for the VM's kernel (6.1.0-57-amd64, the root's headers).
# Here both stay clean: they are the lower layers of an overlay whose
# upper layer is on the VM's tmpfs, and the test chroots into it.  Then:
#
#   dpkg and dkms in the root: the five packages installed, rasdial.ko
#     built and installed for the running kernel
#   modprobe rasdial (the root's modprobe, the dkms-built module)
#   the installed rasdial tool, run as a dip user (2001:30) through the
#   root's setuid pppd and the installed plugin, dials the modem
#   simulator; an answering pppd behind it checks CHAP
#   apt-get purge of the five packages: of every file the install and
#   this test added (both upper layers) none is left in the root, but
#   dpkg's and apt's bookkeeping, depmod's indexes and the test's own
#
# dkms compiled the module under TCG in 95 s quiet, 5 minutes with shared
# cores; on the host it takes seconds.
# vm-timeout: 600
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEBS=$TOPDIR/build/deb
INST=$DEBS/installed
BROOT=$TOPDIR/build/bookworm-root
MODEMSIM=$TOPDIR/build/tests/modemsim
DIR=/tmp/debinstall
UPPER=$DIR/upper
R=$DIR/root
KVER=$(uname -r)
ENTRY=debtest
NUMBER=5551234
SECRET=s3cret-deb
PKGS=(librasdial1 librasdial-dev rasdial pppd-rasdial rasdial-dkms)
OUT=$DIR/out
mkdir -p "$DIR"

ktap_header

if [[ ! -x $BROOT/usr/sbin/dkms ]]; then
	why=$(head -n 1 "$BROOT.skip" 2>/dev/null)
	ktap_skip_all "no bookworm root in build/bookworm-root: ${why:-not made (run scripts/install-deps as root)}"
fi
for p in "${PKGS[@]}"; do
	ls "$DEBS/${p}_"*.deb >/dev/null 2>&1 || ktap_skip_all "no ${p}_*.deb in build/deb (make debs)"
done
[[ -f $INST/.done ]] || ktap_skip_all "the .debs are not installed into the root (scripts/build-debs as root)"
[[ -x $MODEMSIM ]] || ktap_skip_all "build/tests/modemsim is not built (make tests)"
[[ -c /dev/ppp ]] || ktap_skip_all "no /dev/ppp"

ktap_plan 8

mounted=()
mnt() { mount "$@" && mounted=("${!#}" "${mounted[@]}"); }
cleanup() {
	local m p
	for p in $(pidof pppd); do kill "$p" 2>/dev/null; done
	for m in "${mounted[@]}"; do umount -R "$m" 2>/dev/null; done
}
on_exit cleanup
# in_root CMD...: bounded, in the root, with the root's environment only.
in_root() {
	timeout 600 chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C DEBIAN_FRONTEND=noninteractive "$@"
}
# as_dip CMD...: the same as user 2001 in group dip (30), bounded.
as_dip() {
	timeout 90 chroot --userspec=2001:30 --groups=30 "$R" /usr/bin/env -i \
		PATH=/usr/bin:/bin HOME=/tmp LANG=C "$@"
}
show() { dump_file "$OUT" "${1:-out}"; }

# 1: the overlay root
T="clean bookworm root as an overlay, chroot works"
mkdir -p "$UPPER" "$DIR/work" "$R"
modprobe overlay 2>/dev/null
if mnt -t overlay overlay -o "lowerdir=$INST/upper:$BROOT,upperdir=$UPPER,workdir=$DIR/work" "$R" &&
	mnt --rbind /dev "$R/dev" && mnt -t proc proc "$R/proc" &&
	mnt -t sysfs sys "$R/sys" && mnt -t tmpfs -o mode=755 run "$R/run" &&
	mkdir -m 1777 "$R/run/lock" && in_root true; then
	ktap_ok "$T"
else
	ktap_msg "overlay of $INST/upper and $BROOT on tmpfs failed"
	ktap_fail "$T"
	for t in "packages installed, dkms built rasdial.ko for $KVER" "modprobe rasdial loads the dkms module" \
		"installed rasdial (dip user) dials the modem simulator" "installed rasdial lists and hangs up" \
		"plugin from pppd's directory, pppd-rasdial's ppp dependency met" \
		"apt-get purge" "purge leaves no file behind"; do
		ktap_skip "$t" "no root"
	done
	ktap_finished
fi

# 2: installed (on the host side); dkms built and installed the module for
# the running kernel
T="packages installed, dkms built rasdial.ko for $KVER"
if in_root dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PKGS[@]}" >"$OUT" 2>&1 &&
	(($(grep -c '^ii ' "$OUT") == ${#PKGS[@]})) &&
	in_root dkms status rasdial >"$DIR/status" 2>&1 &&
	grep -q "rasdial/1.0.0, $KVER, .*: installed" "$DIR/status" &&
	[[ -f $R/lib/modules/$KVER/updates/dkms/rasdial.ko ]] &&
	[[ $(in_root modinfo -F vermagic "/lib/modules/$KVER/updates/dkms/rasdial.ko") == "$KVER "* ]]; then
	ktap_ok "$T"
else
	show dpkg; dump_file "$DIR/status" dkms; dump_file "$INST/../installed.log" install
	dump_file "$(ls -d "$R"/var/lib/dkms/rasdial/1.0.0/build/make.log 2>/dev/null)" make.log
	ktap_fail "$T"
fi

# 3: the normal way: modprobe (the in-tree module run-in-vm loaded goes
# first); the root's modprobe resolves rasdial to the dkms-built file
T="modprobe rasdial loads the dkms module"
[[ -d /sys/module/rasdial ]] && rmmod rasdial
dkms_ko=/lib/modules/$KVER/updates/dkms/rasdial.ko
if [[ ! -d /sys/module/rasdial ]] &&
	in_root modprobe --show-depends rasdial >"$OUT" 2>&1 &&
	grep -qx "insmod $dkms_ko *" "$OUT" &&
	in_root modprobe rasdial >>"$OUT" 2>&1 && [[ -d /sys/module/rasdial ]]; then
	ktap_ok "$T"
else
	show modprobe; ktap_fail "$T"
fi

# 4-5: a dip user dials the modem simulator with the installed tool, then
# lists and hangs up.  The entry is root:dip 0640 and loads the plugin
# itself, as rasdial.pbk(5) tells admins; the answering pppd (the VM's)
# checks CHAP.
cat >"$R/etc/ppp/peers/$ENTRY" <<EOT
plugin rasdial.so
/dev/ttyRAS0
115200
connect "/usr/sbin/chat -v ABORT BUSY ABORT 'NO CARRIER' '' AT OK 'ATDT\\\\T' CONNECT"
remotename server
noauth
local
nocrtscts
nolock
nodefaultroute
noipdefault
lcp-echo-interval 0
logfile /tmp/dial.log
EOT
chown 0:30 "$R/etc/ppp/peers/$ENTRY"
chmod 0640 "$R/etc/ppp/peers/$ENTRY"
echo "client server $SECRET *" >/etc/ppp/chap-secrets
answer="exec /usr/sbin/pppd notty auth require-chap name server local nodefaultroute"
answer+=" 192.0.2.1:192.0.2.2 lcp-echo-interval 0 logfile $DIR/answer.log"
"$MODEMSIM" --link /dev/ttyRAS0 --result CONNECT --calls 1 --answer "$answer" \
	--log "$DIR/modemsim.log" --delay 50 >"$DIR/modemsim.out" 2>&1 &
track_pid $!
wait_for 10 grep -q '^ready /dev/pts/' "$DIR/modemsim.out"
T="installed rasdial (dip user) dials the modem simulator"
if as_dip /usr/bin/rasdial "/PHONE:$NUMBER" "$ENTRY" client "$SECRET" >"$OUT" 2>&1 &&
	grep -q "Connected to $ENTRY" "$OUT" && grep -q "< ATDT$NUMBER\$" "$DIR/modemsim.log"; then
	ktap_ok "$T"
	# which rasdial.so the dialing pppd (in the root) has mapped
	for p in $(pidof pppd); do
		[[ $(readlink "/proc/$p/root") == "$R" ]] && grep -o ' /.*rasdial\.so$' "/proc/$p/maps" | head -n 1
	done >"$DIR/maps" 2>/dev/null
else
	show rasdial; dump_file "$R/tmp/dial.log" dial; dump_file "$DIR/modemsim.log" modemsim
	dump_file "$DIR/answer.log" answer
	ktap_fail "$T"
fi
T="installed rasdial lists and hangs up"
no_pppd() { ! pidof pppd >/dev/null; }
if as_dip /usr/bin/rasdial >"$OUT" 2>&1 && grep -qx "$ENTRY" "$OUT" &&
	as_dip /usr/bin/rasdial "$ENTRY" /DISCONNECT >>"$OUT" 2>&1 && wait_for 20 no_pppd; then
	ktap_ok "$T"
else
	show rasdial; ktap_fail "$T"
fi

# 6: the plugin pppd loaded is the package's, in pppd's own directory, and
# the package's dependency on the pppd plugin ABI is the installed ppp's
T="plugin from pppd's directory, pppd-rasdial's ppp dependency met"
dep=$(in_root dpkg-query -W -f='${Depends}' pppd-rasdial)
if [[ $(tr -d ' ' <"$DIR/maps") == "$R/usr/lib/pppd/2.4.9/rasdial.so" ]] &&
	[[ -f $R/usr/lib/pppd/2.4.9/rasdial.so && $dep == *"ppp (>= 2.4.9-1+~)"* ]] &&
	in_root dpkg --status ppp >/dev/null 2>&1; then
	ktap_msg "pppd-rasdial Depends: $dep"
	ktap_ok "$T"
else
	ktap_msg "pppd-rasdial Depends: $dep"; dump_file "$DIR/maps" maps
	ktap_fail "$T"
fi

# 7-8: purge; what is left in the upper layer is bookkeeping or ours
T="apt-get purge"
in_root modprobe -r rasdial >/dev/null 2>&1
if in_root apt-get purge -y "${PKGS[@]}" >"$OUT" 2>&1 &&
	! in_root dpkg-query -W -f='${db:Status-Abbrev}\n' "${PKGS[@]}" 2>/dev/null | grep -q '^[a-z]i'; then
	ktap_ok "$T"
else
	show purge; ktap_fail "$T"
fi
T="purge leaves no file behind"
# What the install or the test added, still in the root and not in the
# clean one (so not a changed file of it).
for u in "$INST/upper" "$UPPER"; do
	(cd "$u" && find . \( -type f -o -type l \) | sed 's|^\./|/|')
done | sort -u | while IFS= read -r f; do
	[[ -e $R$f || -L $R$f ]] && [[ ! -e $BROOT$f && ! -L $BROOT$f ]] && echo "$f"
done | grep -vE \
	-e '^/var/(lib/(dpkg|apt|dkms)|log|cache)/' -e '^/etc/ld\.so\.cache$' \
	-e "^(/usr)?/lib/modules/$KVER/modules\\.[a-z.]*\$" -e '^/tmp/' -e '^/root/' \
	-e "^/etc/ppp/peers/$ENTRY\$" >"$DIR/left" || true
for u in "$INST/upper" "$UPPER"; do
	find "$u" -depth -type d -iname '*rasdial*' | sed "s|^$u||"
done | sort -u | while IFS= read -r d; do [[ -d $R$d ]] && echo "$d/"; done >>"$DIR/left"
if [[ ! -s $DIR/left ]]; then
	ktap_ok "$T"
else
	dump_file "$DIR/left" left; ktap_fail "$T"
fi

ktap_finished
