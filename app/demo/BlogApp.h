#pragma once
#include "apps/AppConfig.h"

namespace quango::demo {

// A demo app with relations of every kind: Author, Tag, Post (ForeignKey,
// ManyToMany, choices, dates) and Comment.
class BlogApp : public AppConfig {
public:
    BlogApp();
};

} // namespace quango::demo
