// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * credentials.c: RasGetCredentialsA/W, RasSetCredentialsA/W,
 * RasGetEntryDialParamsA/W and RasSetEntryDialParamsA/W over the store of
 * cred_store.c.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "credentials.h"
#include "layouts.h"
#include "utf16.h"
/* A string that ends inside its field of SIZE bytes. */
static bool fits(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

static DWORD creds_check(const RASCREDENTIALSA *rc, bool set)
{
	if (!rc)
		return ERROR_INVALID_PARAMETER;
	if (rc->dwSize != sizeof(RASCREDENTIALSA))
		return ERROR_INVALID_SIZE;
	/* All-user credentials and IPsec keys: pppd's own secrets files
	 * (edited by the admin), not librasdial's per-user store. */
	if (rc->dwMask & (RASCM_DefaultCreds | RASCM_PreSharedKey |
			  RASCM_ServerPreSharedKey | RASCM_DDMPreSharedKey))
		return ERROR_NOT_SUPPORTED;
	if (rc->dwMask & ~(DWORD)CRED_FIELDS)
		return ERROR_INVALID_PARAMETER;
	if (set && (!fits(rc->szUserName, sizeof(rc->szUserName)) ||
		    !fits(rc->szPassword, sizeof(rc->szPassword)) ||
		    !fits(rc->szDomain, sizeof(rc->szDomain))))
		return ERROR_INVALID_PARAMETER;
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook,
					      LPCSTR lpszEntry,
					      LPRASCREDENTIALSA lpCredentials)
{
	DWORD want, ret;
	struct cred c;

	if (!lpszEntry)
		return ERROR_INVALID_PARAMETER;
	ret = creds_check(lpCredentials, false);
	if (ret)
		return ret;
	ret = rasdial_creds_get(lpszPhonebook, lpszEntry, &c);
	if (ret)
		return ret;
	want = lpCredentials->dwMask & c.mask;
	memset(lpCredentials->szUserName, 0, sizeof(lpCredentials->szUserName));
	memset(lpCredentials->szPassword, 0, sizeof(lpCredentials->szPassword));
	memset(lpCredentials->szDomain, 0, sizeof(lpCredentials->szDomain));
	if (want & RASCM_UserName)
		rasdial_strlcpy(lpCredentials->szUserName, c.user,
				sizeof(lpCredentials->szUserName));
	/* Never the password itself: the handle RasDial understands. */
	if (want & RASCM_Password)
		strcpy(lpCredentials->szPassword, rasdial_pw_handle);
	if (want & RASCM_Domain)
		rasdial_strlcpy(lpCredentials->szDomain, c.domain,
				sizeof(lpCredentials->szDomain));
	lpCredentials->dwMask = want;
	explicit_bzero(&c, sizeof(c));
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook,
					      LPCSTR lpszEntry,
					      LPRASCREDENTIALSA lpCredentials,
					      BOOL fClearCredentials)
{
	struct cred c;
	DWORD ret;

	if (!lpszEntry)
		return ERROR_INVALID_PARAMETER;
	ret = creds_check(lpCredentials, true);
	if (ret)
		return ret;
	memset(&c, 0, sizeof(c));
	rasdial_strlcpy(c.user, lpCredentials->szUserName, sizeof(c.user));
	rasdial_strlcpy(c.password, lpCredentials->szPassword,
			sizeof(c.password));
	rasdial_strlcpy(c.domain, lpCredentials->szDomain, sizeof(c.domain));
	/* fClearCredentials: the fields dwMask names are forgotten. */
	ret = fClearCredentials ?
	      rasdial_creds_set(lpszPhonebook, lpszEntry, &c, 0, lpCredentials->dwMask) :
	      rasdial_creds_set(lpszPhonebook, lpszEntry, &c, lpCredentials->dwMask, 0);
	explicit_bzero(&c, sizeof(c));
	return ret;
}

/*
 * The caller's RASDIALPARAMSA (any dwSize Windows accepts) as the
 * newest layout, and back.  ENTRY_ONLY: RasGetEntryDialParams, which
 * reads only szEntryName (the other fields are its output and may hold
 * anything, unterminated too).
 */
static DWORD params_in(const RASDIALPARAMSA *in, RASDIALPARAMSA *p,
		       bool entry_only)
{
	static const size_t sizes[] = RASDIAL_DIALPARAMS_SIZES;

	memset(p, 0, sizeof(*p));
	if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), in->dwSize))
		return ERROR_INVALID_SIZE;
	if (in->dwSize == sizeof(struct rasdial_dialparams_nt35)) {
		const struct rasdial_dialparams_nt35 *o = (const void *)in;

		if (entry_only) {
			if (!fits(o->szEntryName, sizeof(o->szEntryName)))
				return ERROR_INVALID_PARAMETER;
			strcpy(p->szEntryName, o->szEntryName);
			return ERROR_SUCCESS;
		}
		if (!fits(o->szEntryName, sizeof(o->szEntryName)) ||
		    !fits(o->szUserName, sizeof(o->szUserName)) ||
		    !fits(o->szPassword, sizeof(o->szPassword)) ||
		    !fits(o->szDomain, sizeof(o->szDomain)))
			return ERROR_INVALID_PARAMETER;
		strcpy(p->szEntryName, o->szEntryName);
		strcpy(p->szUserName, o->szUserName);
		strcpy(p->szPassword, o->szPassword);
		strcpy(p->szDomain, o->szDomain);
	} else {
		if (entry_only) {
			if (!fits(in->szEntryName, sizeof(in->szEntryName)))
				return ERROR_INVALID_PARAMETER;
			p->dwSize = in->dwSize;
			strcpy(p->szEntryName, in->szEntryName);
			return ERROR_SUCCESS;
		}
		memcpy(p, in, in->dwSize);
		if (!fits(p->szEntryName, sizeof(p->szEntryName)) ||
		    !fits(p->szUserName, sizeof(p->szUserName)) ||
		    !fits(p->szPassword, sizeof(p->szPassword)) ||
		    !fits(p->szDomain, sizeof(p->szDomain))) {
			explicit_bzero(p, sizeof(*p));
			return ERROR_INVALID_PARAMETER;
		}
	}
	return ERROR_SUCCESS;
}

static void params_out(RASDIALPARAMSA *out, const struct cred *c)
{
	DWORD size = out->dwSize;

	if (size == sizeof(struct rasdial_dialparams_nt35)) {
		struct rasdial_dialparams_nt35 *o = (void *)out;

		o->szPhoneNumber[0] = o->szCallbackNumber[0] = '\0';
		rasdial_strlcpy(o->szUserName, c->user, sizeof(o->szUserName));
		strcpy(o->szPassword, c->mask & RASCM_Password ? rasdial_pw_handle : "");
		rasdial_strlcpy(o->szDomain, c->domain, sizeof(o->szDomain));
		return;
	}
	out->szPhoneNumber[0] = out->szCallbackNumber[0] = '\0';
	rasdial_strlcpy(out->szUserName, c->user, sizeof(out->szUserName));
	strcpy(out->szPassword, c->mask & RASCM_Password ? rasdial_pw_handle : "");
	rasdial_strlcpy(out->szDomain, c->domain, sizeof(out->szDomain));
	if (size >= RASDIAL_END(RASDIALPARAMSA, dwCallbackId)) {
		out->dwSubEntry = 0;
		out->dwCallbackId = 0;
	}
}

RASDIAL_API DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook,
						  LPRASDIALPARAMSA lprasdialparams,
						  LPBOOL lpfPassword)
{
	RASDIALPARAMSA p;
	struct cred c;
	DWORD ret;

	if (!lprasdialparams || !lpfPassword)
		return ERROR_INVALID_PARAMETER;
	ret = params_in(lprasdialparams, &p, true);
	if (!ret)
		ret = rasdial_creds_get(lpszPhonebook, p.szEntryName, &c);
	explicit_bzero(&p, sizeof(p));
	if (ret)
		return ret;
	params_out(lprasdialparams, &c);
	*lpfPassword = (c.mask & RASCM_Password) ? 1 : 0;
	explicit_bzero(&c, sizeof(c));
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook,
						  LPRASDIALPARAMSA lprasdialparams,
						  BOOL fRemovePassword)
{
	RASDIALPARAMSA p;
	struct cred c;
	DWORD ret, set = RASCM_UserName | RASCM_Domain, clear = 0;

	if (!lprasdialparams)
		return ERROR_INVALID_PARAMETER;
	ret = params_in(lprasdialparams, &p, false);
	if (ret)
		return ret;
	memset(&c, 0, sizeof(c));
	memcpy(c.user, p.szUserName, sizeof(c.user));
	memcpy(c.password, p.szPassword, sizeof(c.password));
	memcpy(c.domain, p.szDomain, sizeof(c.domain));
	/* An empty field is "none saved", as fRemovePassword is for the
	 * password. */
	if (fRemovePassword || !c.password[0])
		clear |= RASCM_Password;
	else
		set |= RASCM_Password;
	if (!c.user[0]) {
		set &= ~(DWORD)RASCM_UserName;
		clear |= RASCM_UserName;
	}
	if (!c.domain[0]) {
		set &= ~(DWORD)RASCM_Domain;
		clear |= RASCM_Domain;
	}
	ret = rasdial_creds_set(lpszPhonebook, p.szEntryName, &c, set, clear);
	explicit_bzero(&p, sizeof(p));
	explicit_bzero(&c, sizeof(c));
	return ret;
}

/* The W edge: UTF-16 in and out, the A implementation in between. */

static DWORD w_err(int err)
{
	/* An unpaired surrogate or a name that does not fit. */
	return err == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER;
}

static DWORD w_args(LPCWSTR book_w, LPCWSTR entry_w, char **book, char **entry)
{
	int err;

	*book = *entry = NULL;
	err = rasdial_w_to_utf8_alloc(book_w, book);
	if (!err)
		err = rasdial_w_to_utf8_alloc(entry_w, entry);
	if (err) {
		free(*book);
		*book = NULL;
		return w_err(err);
	}
	return ERROR_SUCCESS;
}

/* The strings of a RASCREDENTIALS: A and W offsets, and their length
 * in characters (the same in both).
 */
static const struct {
	unsigned short a, w, len;
} creds_strings[] = {
	{ offsetof(RASCREDENTIALSA, szUserName),
	  offsetof(RASCREDENTIALSW, szUserName), UNLEN + 1 },
	{ offsetof(RASCREDENTIALSA, szPassword),
	  offsetof(RASCREDENTIALSW, szPassword), PWLEN + 1 },
	{ offsetof(RASCREDENTIALSA, szDomain),
	  offsetof(RASCREDENTIALSW, szDomain), DNLEN + 1 },
};

/* Converts those strings A to W (TO_W) or W to A: 0 or the first error. */
static int creds_conv(RASCREDENTIALSA *a, RASCREDENTIALSW *w, bool to_w)
{
	char *pa = (char *)a, *pw = (char *)w;
	size_t i;
	int err = 0;

	for (i = 0; !err && i < RASDIAL_ARRAY_SIZE(creds_strings); i++) {
		char *sa = pa + creds_strings[i].a;
		WCHAR *sw = (WCHAR *)(pw + creds_strings[i].w);

		err = to_w ? rasdial_utf8_to_w(sa, sw, creds_strings[i].len,
					       NULL)
			   : rasdial_w_to_utf8(sw, creds_strings[i].len, sa,
					       creds_strings[i].len);
	}
	return err;
}

RASDIAL_API DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook,
					      LPCWSTR lpszEntry,
					      LPRASCREDENTIALSW lpCredentials)
{
	RASCREDENTIALSA a;
	char *book, *entry;
	DWORD ret;
	int err;

	if (!lpszEntry || !lpCredentials)
		return ERROR_INVALID_PARAMETER;
	if (lpCredentials->dwSize != sizeof(RASCREDENTIALSW))
		return ERROR_INVALID_SIZE;
	ret = w_args(lpszPhonebook, lpszEntry, &book, &entry);
	if (ret)
		return ret;
	memset(&a, 0, sizeof(a));
	a.dwSize = sizeof(a);
	a.dwMask = lpCredentials->dwMask;
	ret = RasGetCredentialsA(book, entry, &a);
	free(book);
	free(entry);
	if (ret)
		goto out;
	err = creds_conv(&a, lpCredentials, true);
	/* Saved from the A side in more UTF-8 than UTF-16 fits: refused,
	 * not cut short. */
	ret = err ? ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
	if (!ret)
		lpCredentials->dwMask = a.dwMask;
out:
	explicit_bzero(&a, sizeof(a));
	return ret;
}

RASDIAL_API DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook,
					      LPCWSTR lpszEntry,
					      LPRASCREDENTIALSW lpCredentials,
					      BOOL fClearCredentials)
{
	RASCREDENTIALSA a;
	char *book, *entry;
	DWORD ret;
	int err;

	if (!lpszEntry || !lpCredentials)
		return ERROR_INVALID_PARAMETER;
	if (lpCredentials->dwSize != sizeof(RASCREDENTIALSW))
		return ERROR_INVALID_SIZE;
	memset(&a, 0, sizeof(a));
	a.dwSize = sizeof(a);
	a.dwMask = lpCredentials->dwMask;
	err = creds_conv(&a, lpCredentials, false);
	ret = err ? w_err(err) : w_args(lpszPhonebook, lpszEntry, &book, &entry);
	if (!ret) {
		ret = RasSetCredentialsA(book, entry, &a, fClearCredentials);
		free(book);
		free(entry);
	}
	explicit_bzero(&a, sizeof(a));
	return ret;
}

/* RASDIALPARAMSW sizes: the same WINVER steps as the A layout. */
static bool w_params_size(DWORD size)
{
	static const size_t sizes[] = {
		RASDIAL_END(RASDIALPARAMSW, szDomain),
		RASDIAL_END(RASDIALPARAMSW, dwCallbackId),
		RASDIAL_END(RASDIALPARAMSW, dwIfIndex),
		sizeof(RASDIALPARAMSW),
	};

	return rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size);
}

/* ENTRY_ONLY: as params_in's. */
static DWORD w_params_in(const RASDIALPARAMSW *w, RASDIALPARAMSA *a,
			 bool entry_only)
{
	int err;

	memset(a, 0, sizeof(*a));
	a->dwSize = sizeof(*a);
	err = rasdial_w_to_utf8(w->szEntryName, RAS_MaxEntryName + 1,
				a->szEntryName, sizeof(a->szEntryName));
	if (entry_only)
		return err ? w_err(err) : ERROR_SUCCESS;
	if (!err)
		err = rasdial_w_to_utf8(w->szUserName, UNLEN + 1,
					a->szUserName, sizeof(a->szUserName));
	if (!err)
		err = rasdial_w_to_utf8(w->szPassword, PWLEN + 1,
					a->szPassword, sizeof(a->szPassword));
	if (!err)
		err = rasdial_w_to_utf8(w->szDomain, DNLEN + 1,
					a->szDomain, sizeof(a->szDomain));
	return err ? w_err(err) : ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR lpszPhonebook,
						  LPRASDIALPARAMSW lprasdialparams,
						  LPBOOL lpfPassword)
{
	RASDIALPARAMSA a;
	char *book = NULL;
	DWORD ret;
	int err;

	if (!lprasdialparams || !lpfPassword)
		return ERROR_INVALID_PARAMETER;
	if (!w_params_size(lprasdialparams->dwSize))
		return ERROR_INVALID_SIZE;
	ret = w_params_in(lprasdialparams, &a, true);
	if (!ret) {
		err = rasdial_w_to_utf8_alloc(lpszPhonebook, &book);
		ret = err ? w_err(err) :
		      RasGetEntryDialParamsA(book, &a, lpfPassword);
		free(book);
	}
	if (!ret) {
		lprasdialparams->szPhoneNumber[0] = 0;
		lprasdialparams->szCallbackNumber[0] = 0;
		err = rasdial_utf8_to_w(a.szUserName, lprasdialparams->szUserName,
					UNLEN + 1, NULL);
		if (!err)
			err = rasdial_utf8_to_w(a.szPassword,
						lprasdialparams->szPassword,
						PWLEN + 1, NULL);
		if (!err)
			err = rasdial_utf8_to_w(a.szDomain,
						lprasdialparams->szDomain,
						DNLEN + 1, NULL);
		if (err)
			ret = ERROR_INVALID_PARAMETER;
		else if (lprasdialparams->dwSize >=
			 RASDIAL_END(RASDIALPARAMSW, dwCallbackId)) {
			lprasdialparams->dwSubEntry = 0;
			lprasdialparams->dwCallbackId = 0;
		}
	}
	explicit_bzero(&a, sizeof(a));
	return ret;
}

RASDIAL_API DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR lpszPhonebook,
						  LPRASDIALPARAMSW lprasdialparams,
						  BOOL fRemovePassword)
{
	RASDIALPARAMSA a;
	char *book = NULL;
	DWORD ret;
	int err;

	if (!lprasdialparams)
		return ERROR_INVALID_PARAMETER;
	if (!w_params_size(lprasdialparams->dwSize))
		return ERROR_INVALID_SIZE;
	ret = w_params_in(lprasdialparams, &a, false);
	if (!ret) {
		err = rasdial_w_to_utf8_alloc(lpszPhonebook, &book);
		ret = err ? w_err(err) :
		      RasSetEntryDialParamsA(book, &a, fRemovePassword);
		free(book);
	}
	explicit_bzero(&a, sizeof(a));
	return ret;
}
