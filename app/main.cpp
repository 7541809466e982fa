#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quango::installDemoApps(quango::Registry::instance());
    quango::Registry::instance().populate();
    return 0;
}
