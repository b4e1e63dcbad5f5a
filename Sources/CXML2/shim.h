// libxml2 built with ICU would pull in the system's ICU headers, which clash with the
// copy Foundation carries; nothing here uses libxml2's ICU converters.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
