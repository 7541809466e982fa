#pragma once

namespace quango {
class AdminSite;
}

namespace quango::demo {

// The blog app's admin registrations (Django's blog/admin.py): list columns,
// filters, search and the custom actions "Mark selected posts as published"
// and "Approve selected comments".
class BlogAdmin {
public:
    // Registers Author, Tag, Post and Comment on `site`; the blog app must be
    // in the site's registry (throws ImproperlyConfigured otherwise).
    static void registerModels(AdminSite &site);
};

} // namespace quango::demo
