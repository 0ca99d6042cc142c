// Redraws the extension icons from the logo: java extension/tools/DrawIcons.java extension/icons
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws the Citelens logo (src/main/resources/web/static/logo.svg, a 32x32 viewBox) as PNG icons. */
public class DrawIcons {
    public static void main(String[] a) throws Exception {
        for (int size : new int[] {16, 48, 128}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 32.0, size / 32.0);
            Color blue = new Color(0x2f5bea), green = new Color(0x1a9a5a);
            g.setColor(blue);
            g.setStroke(new BasicStroke(3.2f));
            g.draw(new Ellipse2D.Double(4, 4, 18, 18));
            g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(20, 20, 28, 28));
            g.setColor(green);
            g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D p = new Path2D.Double();
            p.moveTo(8.5, 14.5); p.lineTo(11.5, 17.5); p.lineTo(17, 10.5);
            g.draw(p);
            g.dispose();
            ImageIO.write(img, "png", new File(a[0] + "/icon" + size + ".png"));
        }
    }
}
