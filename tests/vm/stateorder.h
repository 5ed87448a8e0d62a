/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The order in which librasdial reports RASCONNSTATEs for a pppd dial
 * (the rows of common/pppd-map.c, in the order pppd goes through them).
 * Not the numeric order: Windows numbers AuthProject (10) below
 * Authenticated (14), but pppd authenticates before its NCPs run.
 */
#ifndef RASDIAL_TESTS_STATEORDER_H
#define RASDIAL_TESTS_STATEORDER_H

/* Also in the Windows programs of tests/wine (mingw-w64's <ras.h>). */
#ifdef _WIN32
#include <ras.h>
#else
#include <rasdial/ras.h>
#endif

/* Rank of STATE in a dial, or -1 for a state a pppd dial never reports. */
static inline int so_rank(RASCONNSTATE state)
{
	static const RASCONNSTATE order[] = {
		RASCS_OpenPort, RASCS_PortOpened, RASCS_ConnectDevice,
		RASCS_DeviceConnected, RASCS_AllDevicesConnected,
		RASCS_Authenticate, RASCS_Authenticated,
		RASCS_PrepareForCallback, RASCS_WaitForCallback,
		RASCS_AuthProject, RASCS_Projected, RASCS_Connected,
		RASCS_Disconnected,
	};

	for (unsigned int i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i] == state)
			return (int)i;
	return -1;
}

#endif /* RASDIAL_TESTS_STATEORDER_H */
