#include "app/commands/BuiltinCommands.h"
#include "app/commands/ChangePasswordCommand.h"
#include "app/commands/CheckCommand.h"
#include "app/commands/CommandRegistry.h"
#include "app/commands/CreateSuperuserCommand.h"
#include "app/commands/DrfCreateTokenCommand.h"
#include "app/commands/DumpDataCommand.h"
#include "app/commands/GuiCommand.h"
#include "app/commands/HelpCommand.h"
#include "app/commands/LoadDataCommand.h"
#include "app/commands/MakeMigrationsCommand.h"
#include "app/commands/MigrateCommand.h"
#include "app/commands/ShowMigrationsCommand.h"
#include "app/commands/SqlMigrateCommand.h"
#include "app/commands/StartAppCommand.h"
#include "app/commands/StartProjectCommand.h"

namespace quango {

void registerBuiltinCommands(CommandRegistry &registry)
{
    if (registry.find(QStringLiteral("help")))
        return;
    registry.add(std::make_shared<HelpCommand>());
    registry.add(std::make_shared<CheckCommand>());
    registry.add(std::make_shared<GuiCommand>());
    registry.add(std::make_shared<MigrateCommand>());
    registry.add(std::make_shared<MakeMigrationsCommand>());
    registry.add(std::make_shared<ShowMigrationsCommand>());
    registry.add(std::make_shared<SqlMigrateCommand>());
    registry.add(std::make_shared<CreateSuperuserCommand>());
    registry.add(std::make_shared<ChangePasswordCommand>());
    registry.add(std::make_shared<DrfCreateTokenCommand>());
    registry.add(std::make_shared<DumpDataCommand>());
    registry.add(std::make_shared<LoadDataCommand>());
    registry.add(std::make_shared<StartAppCommand>());
    registry.add(std::make_shared<StartProjectCommand>());
}

} // namespace quango
