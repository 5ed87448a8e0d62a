// SPDX-License-Identifier: GPL-2.0
/*
 * rasdial: generic netlink relay between pppd's rasdial.so plugin and
 * librasdial, the Win32 RAS client API on Linux.
 */

#include <linux/init.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <net/net_namespace.h>

#include "netlink.h"
#include "registry.h"

static int __init rasdial_mod_init(void)
{
	int ret;

	ret = register_pernet_subsys(&rasdial_net_ops);
	if (ret)
		goto err_pernet;

	ret = netlink_register_notifier(&rasdial_netlink_notifier);
	if (ret)
		goto err_notifier;

	/* Last: requests may arrive as soon as the family exists. */
	ret = rasdial_nl_init();
	if (ret)
		goto err_netlink;

	return 0;

err_netlink:
	netlink_unregister_notifier(&rasdial_netlink_notifier);
err_notifier:
	unregister_pernet_subsys(&rasdial_net_ops);
err_pernet:
	return ret;
}

static void __exit rasdial_mod_exit(void)
{
	/* First: no request runs after this; then no release work can be
	 * queued; then each namespace cancels its work and frees its conns.
	 */
	rasdial_nl_uninit();
	netlink_unregister_notifier(&rasdial_netlink_notifier);
	unregister_pernet_subsys(&rasdial_net_ops);
}

module_init(rasdial_mod_init);
module_exit(rasdial_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rasdial: RAS dial-up connection registry and event relay for pppd");
