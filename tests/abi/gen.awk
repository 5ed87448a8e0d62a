# SPDX-License-Identifier: GPL-2.0-only
#
# structs.list -> C constants for one compiler at one WINVER:
#   awk -v side=ours|mingw -v winver=N -v nt35=0|1 -f gen.awk structs.list
# Each constant (abi__STRUCT__FIELD__off / __len, abi__STRUCT__size) is a
# file-scope "const unsigned int", which both compilers emit as ".long N"
# under its label in their -S output: nothing is run.
# "NAME@0x501..." -> 1281 (0 without @); hex by hand: mawk has no strtonum.
function ver(tok,   v, n, i) {
	v = tok
	if (v !~ /@/)
		return 0
	sub(/.*@0[xX]/, "", v)
	sub(/[-!].*/, "", v)
	n = 0
	for (i = 1; i <= length(v); i++)
		n = n * 16 + index("0123456789abcdef", tolower(substr(v, i, 1))) - 1
	return n
}
BEGIN {
	print "#include <stddef.h>"
	print "#define END(t, f) ((offsetof(t, f) + sizeof(((t *)0)->f) + 3) & ~(size_t)3)"
}
/^#/ || NF == 0 { next }
{
	s = $1
	sv = ver(s)
	smiss = s ~ /-$/
	sub(/[@!-].*/, "", s)
	if (sv > winver)
		next
	if (smiss && side == "mingw")
		next
	last = ""
	lastmiss = 0
	for (i = 2; i <= NF; i++) {
		f = $i
		fv = ver(f)
		fmiss = f ~ /-$/
		fnt = f ~ /!nt35/
		sub(/[@!-].*/, "", f)
		if (fv > winver || (nt35 && fnt))
			continue
		last = f
		lastmiss = fmiss || smiss
		if ((fmiss || smiss) && side == "mingw")
			continue
		printf "const unsigned int abi__%s__%s__off = offsetof(%s, %s);\n", s, f, s, f
		printf "const unsigned int abi__%s__%s__len = sizeof(((%s *)0)->%s);\n", s, f, s, f
	}
	# Ours: the size this WINVER gives; mingw-w64's header has no WINVER
	# conditions for most fields, so its size at this WINVER is where the
	# last field this WINVER has ends (the SDK only appends fields).
	if (side == "ours")
		printf "const unsigned int abi__%s__size = sizeof(%s);\n", s, s
	else if (!lastmiss)
		printf "const unsigned int abi__%s__size = END(%s, %s);\n", s, s, last
}
