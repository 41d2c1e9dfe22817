// Loaded by scripts/jshell.sh: the runops API in scope. Try:
//   var f = RootFile.open(Path.of("../shared/data/root/nanoAOD_2015_CMS_Open_Data_ttbar.root"));
//   f.keys(); f.entries("Events");
//   new EventCountValidator().validate(EventCountSource.daq(Path.of("../shared/data/strip/fff/run338999")),
//                                      EventCountSource.known(1750, "expected"));
import java.nio.file.*;
import java.util.*;
import org.runops.core.*;
import org.runops.core.root.*;
import org.runops.core.events.*;
System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
System.out.println("runops: org.runops.core.root.* and org.runops.core.events.* are imported; see scripts/explore.jsh for examples.");
